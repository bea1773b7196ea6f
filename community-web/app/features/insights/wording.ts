/** Influence parts as staff read them. */
export const PART_LABEL: Record<string, string> = {
  ACCEPTED_ANSWERS: 'Accepted answers (decayed)',
  REACH: 'Reach after the solution (log10 of views)',
  ASKERS_HELPED: 'Distinct askers helped',
  RANK: 'Rank among answerers (PageRank)',
};

/** A part's value or score with at most two decimals. */
export const formatScore = (n: number): string => (Math.round(n * 100) / 100).toLocaleString('en-US');
