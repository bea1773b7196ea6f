/**
 * Influence, measured by outcomes rather than activity: answers the asker accepted (decayed
 * over time), the reach of the threads a member solved, the distinct askers they helped, and
 * their rank in the asker → answerer graph of accepted answers (PageRank).
 */

/** An accepted answer's weight halves every HALF_LIFE_DAYS. */
export const HALF_LIFE_DAYS = 180;
export const DAMPING = 0.85;

export const WEIGHTS = {
  ACCEPTED_ANSWERS: 1,
  REACH: 1,
  ASKERS_HELPED: 0.5,
  RANK: 2,
} as const;
export type PartName = keyof typeof WEIGHTS;

export interface InfluencePart {
  name: PartName;
  /** The part's value as it enters the score (after decay, log or scaling). */
  value: number;
  weight: number;
  /** The raw figures behind the value, in words. */
  explanation: string;
}

/** What one member's solutions add up to, before weighting. */
export interface InfluenceInputs {
  /** Ages in days of the member's accepted answers. */
  acceptedAgesDays: number[];
  /** Viewers of their solved threads after the solution (see reach in influence.job.ts). */
  reach: number;
  askersHelped: number;
  /** PageRank × number of members in the graph (1 is average). */
  rank: number;
}

export const decayed = (ageDays: number, halfLifeDays = HALF_LIFE_DAYS): number =>
  Math.pow(0.5, Math.max(0, ageDays) / halfLifeDays);

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The parts and the score: the sum of each part's value times its weight. */
export function influenceOf(inputs: InfluenceInputs): { score: number; parts: InfluencePart[] } {
  const accepted = inputs.acceptedAgesDays.reduce((sum, age) => sum + decayed(age), 0);
  const parts: InfluencePart[] = [
    {
      name: 'ACCEPTED_ANSWERS',
      value: round(accepted),
      weight: WEIGHTS.ACCEPTED_ANSWERS,
      explanation: `${inputs.acceptedAgesDays.length} accepted answers, each halving in weight every ${HALF_LIFE_DAYS} days`,
    },
    {
      name: 'REACH',
      value: round(Math.log10(1 + inputs.reach)),
      weight: WEIGHTS.REACH,
      explanation: `about ${Math.round(inputs.reach)} views of the threads they solved after the solution (log10)`,
    },
    {
      name: 'ASKERS_HELPED',
      value: inputs.askersHelped,
      weight: WEIGHTS.ASKERS_HELPED,
      explanation: `${inputs.askersHelped} distinct askers accepted their answers`,
    },
    {
      name: 'RANK',
      value: round(inputs.rank),
      weight: WEIGHTS.RANK,
      explanation: `PageRank over accepted answers, ${round(inputs.rank, 2)}× the average member's`,
    },
  ];
  return { score: round(parts.reduce((sum, p) => sum + p.value * p.weight, 0)), parts };
}

/**
 * PageRank over weighted edges asker → answerer (an accepted answer is the asker's vote for
 * the answerer). Members without outgoing edges spread their rank evenly (the usual
 * treatment of dangling nodes). Returns each node's rank scaled by the node count, so 1 is
 * average and the values do not shrink as the community grows.
 */
export function pageRank(
  edges: readonly { from: number; to: number; weight: number }[],
  opts: { damping?: number; iterations?: number; tolerance?: number } = {},
): Map<number, number> {
  const damping = opts.damping ?? DAMPING;
  const index = new Map<number, number>();
  const node = (id: number) => {
    let i = index.get(id);
    if (i === undefined) index.set(id, (i = index.size));
    return i;
  };
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  for (const e of edges) {
    if (e.from === e.to || e.weight <= 0) continue;
    from.push(node(e.from));
    to.push(node(e.to));
    weight.push(e.weight);
  }
  const n = index.size;
  const out = new Float64Array(n);
  for (let k = 0; k < from.length; k++) out[from[k]!]! += weight[k]!;
  let rank = new Float64Array(n).fill(1 / n);
  for (let iter = 0; iter < (opts.iterations ?? 100); iter++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if (out[i] === 0) dangling += rank[i]!;
    const next = new Float64Array(n).fill((1 - damping) / n + (damping * dangling) / n);
    for (let k = 0; k < from.length; k++) {
      next[to[k]!]! += (damping * rank[from[k]!]! * weight[k]!) / out[from[k]!]!;
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta += Math.abs(next[i]! - rank[i]!);
    rank = next;
    if (delta < (opts.tolerance ?? 1e-10)) break;
  }
  const result = new Map<number, number>();
  for (const [id, i] of index) result.set(id, rank[i]! * n);
  return result;
}
