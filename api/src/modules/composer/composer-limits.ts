import { isStaffViewer } from '../../platform/authz/guardian.js';
import type { Scope } from '../../platform/scope.js';

/**
 * The composer asks as a member types (preview, tag and handle suggestions): one budget for
 * all three per member (per address for visitors), from the runtime abuse limits, so a script
 * cannot turn the renderer or the suggestion queries into a free workload. Staff are exempt,
 * as from every abuse limit; 0 turns it off.
 */
export async function consumeComposerRequest(scope: Scope): Promise<void> {
  const points = scope.settings.abuseLimits.composerRequestsPerMinute;
  const viewer = scope.guardian.viewer;
  if (points === 0 || isStaffViewer(viewer)) return;
  await scope.services.rateLimits.consume(
    { label: 'composer requests (previews and suggestions)', points, durationSeconds: 60 },
    viewer ? `member:${viewer.id}` : `ip:${scope.ip}`,
  );
}
