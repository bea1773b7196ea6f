/** The periods the deflection page offers, in days (the API's `deflectionStats(days)`). */
export const PERIODS = [7, 30, 90] as const;
export type Period = (typeof PERIODS)[number];

/** The period a `?days=` value asks for; anything else is the default, 30. */
export function periodOf(value: string | null): Period {
  const n = Number(value);
  return (PERIODS as readonly number[]).includes(n) ? (n as Period) : 30;
}

/** Deflected sessions as a whole percentage of sessions (one decimal under 10%); null with none. */
export function deflectionRate(stats: { sessions: number; deflectedSessions: number }): string | null {
  if (stats.sessions === 0) return null;
  const pct = (stats.deflectedSessions / stats.sessions) * 100;
  return pct < 10 && pct > 0 ? pct.toFixed(1) : String(Math.round(pct));
}
