import { tierStyle } from './tier';

/** A badge's name in its tier colour, with the tier spelled out for screen readers. */
export function BadgePill({ name, tier }: { name: string; tier: string }) {
  const style = tierStyle(tier);
  return (
    <span
      data-tier={tier}
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${style.pill}`}
    >
      <span aria-hidden className={`h-2 w-2 rounded-full ${style.dot}`} />
      {name}
      <span className="sr-only"> ({style.label.toLowerCase()} badge)</span>
    </span>
  );
}
