import type { ModuleDefinition } from '../../platform/module.js';
import { sanctionLoaders } from './sanctions.queries.js';
import { recordExpiredSanctionsJob } from './sanctions.jobs.js';
import { sanctionRules } from './sanctions.policy.js';
import { MemberSanctionResolver, SanctionResolver } from './sanctions.resolver.js';
import { MemberStaffNotesResolver, StaffNoteResolver } from './staff-notes.resolver.js';
import { silenceFlaggedNewcomers } from './subscribers/silence-flagged-newcomers.js';

/**
 * Sanctions (silence: may read, may not write; suspend: may not log in), each with an end and
 * a reason the member sees, enforced from the member's next request (the session look-up
 * reads them, the guardian refuses a silenced member's writes); the automatic silence of new
 * members their peers flag; and the private notes staff keep on members.
 */
export const sanctionsModule: ModuleDefinition = {
  name: 'sanctions',
  resolvers: [SanctionResolver, MemberSanctionResolver, MemberStaffNotesResolver, StaffNoteResolver],
  rules: sanctionRules,
  loaders: sanctionLoaders,
  subscribers: [silenceFlaggedNewcomers],
  jobs: [recordExpiredSanctionsJob] as ModuleDefinition['jobs'],
};
