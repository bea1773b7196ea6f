import type { MemberPageQuery } from '../../graphql/generated/graphql';
import { BadgePill } from './badge-pill';
import { forViewer } from './wording';

type MemberBadge = NonNullable<MemberPageQuery['member']>['badges'][number];

/**
 * A member's badges, most recent first: why each was earned (tooltip and text) and how often.
 * Reasons and descriptions are worded for the member ("your answer"): `ownProfile` false says
 * "their" instead.
 */
export function MemberBadges({ badges, ownProfile }: { badges: MemberBadge[]; ownProfile: boolean }) {
  if (badges.length === 0) {
    return <p className="text-sm text-slate-500">No badges yet.</p>;
  }
  return (
    <ul className="grid gap-2 sm:grid-cols-2">
      {badges.map((b) => (
        <li
          key={b.badge.key}
          data-testid="badge"
          data-badge={b.badge.key}
          title={forViewer(b.reason, ownProfile)}
          className="rounded-lg border border-slate-200 bg-white p-3"
        >
          <div className="flex items-center gap-2">
            <BadgePill name={b.badge.name} tier={b.badge.tier} />
            {b.count > 1 && (
              <span className="text-xs font-semibold text-slate-600" data-testid="badge-count">
                ×{b.count}
              </span>
            )}
          </div>
          <p className="mt-1 text-xs text-slate-500">{forViewer(b.badge.description, ownProfile)}</p>
          <p className="mt-1 text-sm text-slate-700" data-testid="badge-reason">
            {forViewer(b.reason, ownProfile)}
          </p>
        </li>
      ))}
    </ul>
  );
}
