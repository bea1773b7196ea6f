/** A duration in seconds in human units: "45 s", "12 min", "3.5 h", "2.1 d"; "—" for none. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  const oneDecimal = (n: number) => (n < 10 ? n.toFixed(1).replace(/\.0$/, '') : String(Math.round(n)));
  if (seconds < 86_400) return `${oneDecimal(seconds / 3600)} h`;
  return `${oneDecimal(seconds / 86_400)} d`;
}

/** A share 0–1 as a whole percentage: "42%"; "—" when nothing was measured. */
export const formatShare = (share: number, of: number): string => (of === 0 ? '—' : `${Math.round(share * 100)}%`);

/** A week's start as "Mar 4" (UTC, like the API's weeks). */
export const formatWeek = (iso: string): string =>
  new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** A sentiment mean in thousandths as a signed decimal: "+0.32", "-0.10". */
export const formatSentiment = (thousandths: number): string =>
  `${thousandths > 0 ? '+' : thousandths < 0 ? '−' : ''}${(Math.abs(thousandths) / 1000).toFixed(2)}`;
