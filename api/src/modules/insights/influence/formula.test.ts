import { describe, expect, it } from 'vitest';
import { decayed, influenceOf, pageRank } from './formula.js';

describe('PageRank on a tiny known graph', () => {
  it('a cycle ranks everyone equally', () => {
    const ranks = pageRank([
      { from: 1, to: 2, weight: 1 },
      { from: 2, to: 3, weight: 1 },
      { from: 3, to: 1, weight: 1 },
    ]);
    for (const id of [1, 2, 3]) expect(ranks.get(id)).toBeCloseTo(1, 6);
  });

  it('a star: three askers accepting one answerer gives the known values', () => {
    // Askers 1, 2, 3 → answerer 4 (who asks nobody: a dangling node). With d = 0.85 and n = 4:
    // askers a = (0.15 + 0.85·h)/4, hub h = a + 0.85·3a; solving gives h ≈ 0.4595, a ≈ 0.1802.
    const ranks = pageRank([1, 2, 3].map((from) => ({ from, to: 4, weight: 1 })));
    const a = 0.15 / (4 - 0.85 * (1 + 0.85 * 3));
    const h = a * (1 + 0.85 * 3);
    expect(h + 3 * a).toBeCloseTo(1, 9);
    expect(ranks.get(4)! / 4).toBeCloseTo(h, 6);
    expect(ranks.get(1)! / 4).toBeCloseTo(a, 6);
    expect([...ranks.values()].reduce((s, r) => s + r, 0)).toBeCloseTo(4, 6);
  });

  it('an answer accepted by a well-ranked asker counts for more; weights and self-loops', () => {
    // 1 and 2 accept 3's answers; 3 accepts 4's answer; 5 accepts 6's answer.
    const ranks = pageRank([
      { from: 1, to: 3, weight: 1 },
      { from: 2, to: 3, weight: 1 },
      { from: 3, to: 4, weight: 1 },
      { from: 5, to: 6, weight: 1 },
      { from: 6, to: 6, weight: 5 },
    ]);
    expect(ranks.get(4)!).toBeGreaterThan(ranks.get(6)!);
    expect(ranks.get(3)!).toBeGreaterThan(ranks.get(1)!);
    const weighted = pageRank([
      { from: 1, to: 2, weight: 3 },
      { from: 1, to: 3, weight: 1 },
    ]);
    expect(weighted.get(2)!).toBeGreaterThan(weighted.get(3)!);
    expect(pageRank([]).size).toBe(0);
  });
});

describe('the influence formula', () => {
  it('decays accepted answers with a 180-day half-life', () => {
    expect(decayed(0)).toBe(1);
    expect(decayed(180)).toBeCloseTo(0.5, 9);
    expect(decayed(360)).toBeCloseTo(0.25, 9);
    expect(decayed(-5)).toBe(1);
  });

  it('sums each part times its weight, on a fixed example', () => {
    const { score, parts } = influenceOf({ acceptedAgesDays: [0, 180, 360], reach: 999, askersHelped: 2, rank: 1.5 });
    expect(parts.map((p) => [p.name, p.value, p.weight])).toEqual([
      ['ACCEPTED_ANSWERS', 1.75, 1],
      ['REACH', 3, 1],
      ['ASKERS_HELPED', 2, 0.5],
      ['RANK', 1.5, 2],
    ]);
    expect(score).toBe(1.75 + 3 + 1 + 3);
    expect(parts[0]!.explanation).toBe('3 accepted answers, each halving in weight every 180 days');
  });

  it('no solutions, no influence', () => {
    expect(influenceOf({ acceptedAgesDays: [], reach: 0, askersHelped: 0, rank: 0 }).score).toBe(0);
  });
});
