import type { ModuleDefinition } from '../../platform/module.js';
import { sendVerificationEmailJob } from './email-verification.jobs.js';
import { EmailVerificationResolver } from './email-verification.resolver.js';
import { MemberAdminResolver } from './member-admin.resolver.js';
import { memberAdminRules } from './member-admin.policy.js';
import { MemberApprovalResolver } from './member-approval.resolver.js';
import { memberLoaders } from './member.loaders.js';
import { Member } from './member.entity.js';
import { memberRules } from './member.policy.js';
import { MemberResolver } from './member.resolver.js';
import { Session } from './session.entity.js';
import { memberForToken } from './sessions.js';
import { sendVerificationEmails } from './subscribers/send-verification-emails.js';
import { viewerOf } from './viewer.js';

/** Members, sessions, registration, log-in and email verification. */
export const accountsModule: ModuleDefinition = {
  name: 'accounts',
  entities: [Member, Session],
  resolvers: [MemberResolver, MemberApprovalResolver, MemberAdminResolver, EmailVerificationResolver],
  rules: { ...memberRules, ...memberAdminRules },
  loaders: memberLoaders,
  subscribers: [sendVerificationEmails],
  jobs: [sendVerificationEmailJob],
  authenticate: async (em, token) => {
    const { member, sanctions } = await memberForToken(em, token);
    return viewerOf(member, sanctions);
  },
};
