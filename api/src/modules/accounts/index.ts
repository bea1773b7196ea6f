import type { ModuleDefinition } from '../../platform/module.js';
import { MemberAdminResolver } from './member-admin.resolver.js';
import { memberAdminRules } from './member-admin.policy.js';
import { MemberApprovalResolver } from './member-approval.resolver.js';
import { memberLoaders } from './member.loaders.js';
import { Member } from './member.entity.js';
import { memberRules } from './member.policy.js';
import { MemberResolver } from './member.resolver.js';
import { Session } from './session.entity.js';
import { memberForToken } from './sessions.js';
import { viewerOf } from './viewer.js';

/** Members, sessions, registration and log-in. */
export const accountsModule: ModuleDefinition = {
  name: 'accounts',
  entities: [Member, Session],
  resolvers: [MemberResolver, MemberApprovalResolver, MemberAdminResolver],
  rules: { ...memberRules, ...memberAdminRules },
  loaders: memberLoaders,
  authenticate: async (em, token) => {
    const { member, sanctions } = await memberForToken(em, token);
    return viewerOf(member, sanctions);
  },
};
