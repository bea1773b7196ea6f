import { tierStyle } from './tier';
import { pluralize } from '../../lib/plural';

const ORDER = ['gold', 'silver', 'bronze'] as const;

/** Gold, silver and bronze dots with how many of each a member holds; tiers with none are left out. */
export function BadgeCounts({ counts }: { counts: { gold: number; silver: number; bronze: number } }) {
  const held = ORDER.filter((tier) => counts[tier] > 0);
  if (held.length === 0) return null;
  return (
    <span className="inline-flex items-center gap-2" data-testid="badge-counts">
      {held.map((tier) => (
        <span key={tier} className="inline-flex items-center gap-1" data-tier={tier}>
          <span aria-hidden className={`h-2 w-2 rounded-full ${tierStyle(tier.toUpperCase()).dot}`} />
          <span className="tabular-nums">{counts[tier]}</span>
          <span className="sr-only"> {`${tier} ${pluralize(counts[tier], 'badge')}`}</span>
        </span>
      ))}
    </span>
  );
}
