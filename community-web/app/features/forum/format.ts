import { formatCount } from '../../lib/plural';

/** "3 minutes ago"-style time, stable between server and client renders within a minute. */
export function timeAgo(iso: string, now = Date.now()): string {
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
