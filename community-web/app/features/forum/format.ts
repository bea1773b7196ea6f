import { formatCount } from '../../lib/plural';

/**
 * The server's clock when it rendered the page, used by the browser while it hydrates that page:
 * a time that crossed a boundary in between ("59 seconds" → "1 minute ago"), or a browser clock
 * that is off, would otherwise render different text than the server sent (React error 418).
 */
let hydrationNow: number | null = null;
let hydrating = typeof document !== 'undefined';

/** Called by the root layout while rendering: during hydration, times are as of `renderedAt`. */
export function renderTimesAsOf(renderedAt: number | undefined): void {
  if (hydrating && renderedAt) hydrationNow = renderedAt;
}

/** Called once hydration has committed: from now on times are the browser's. */
export function hydrationDone(): void {
  hydrating = false;
  hydrationNow = null;
}

/** The clock relative times are computed from: while hydrating, the server's render (see hydrationNow). */
export const clockNow = (): number => hydrationNow ?? Date.now();

/** "3 minutes ago"-style time; while hydrating, as of the server's render (see hydrationNow). */
export function timeAgo(iso: string, now = clockNow()): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  const steps: [number, string][] = [
    [60, 'second'],
    [60, 'minute'],
    [24, 'hour'],
    [30, 'day'],
    [12, 'month'],
    [Infinity, 'year'],
  ];
  let value = seconds;
  for (const [size, unit] of steps) {
    if (value < size) {
      if (unit === 'second') return 'just now';
      return `${formatCount(value, unit)} ago`;
    }
    value = Math.floor(value / size);
  }
  return 'long ago';
}
