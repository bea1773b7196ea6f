import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
import type { InfluencePart } from './influence/formula.js';
import { labelFor, type SentimentLabel } from './sentiment/analyze.js';
import { CUES, type Cue } from './sentiment/cues.js';

/**
 * Signals of groups of members (a customer's linked members), for the customers module: it
 * passes the groups, this module reads its own tables. Each function reads every group of a
 * page in one statement.
 */
export type MemberGroups = ReadonlyMap<number, readonly number[]>;

const pairs = (groups: MemberGroups) =>
  JSON.stringify([...groups].flatMap(([group, members]) => members.map((member_id) => ({ group, member_id }))));

export interface GroupInfluence {
  /** The most influential member's score (0 when none has any). */
  score: number;
  /** That member's parts (score = Σ value × weight); empty when none has any influence. */
  parts: InfluencePart[];
  /** That member, or null. */
  memberId: number | null;
  /** Members of the group with any influence. */
  membersWithInfluence: number;
  members: number;
  explanation: string;
}

/**
 * A group's influence is its most influential member's: a customer reaches the community through
 * its best contributor, and a sum would rank a big account of passive members above a small one
 * whose engineer solves everyone's problems. The explanation says whose score it is and its parts.
 */
export async function influenceOfGroups(em: EntityManager, groups: MemberGroups): Promise<Map<number, GroupInfluence>> {
  const rows = groups.size
    ? await sql<{ group: number; member_id: number; score: number; parts: InfluencePart[]; n: number }>(
        em,
        `select distinct on (g.group) g.group, i.member_id, i.score, i.parts,
                count(*) over (partition by g.group)::int as n
           from jsonb_to_recordset(?::jsonb) as g("group" int, member_id int)
           join member_influence i on i.member_id = g.member_id and i.score > 0
          order by g.group, i.score desc, i.member_id`,
        [pairs(groups)],
      )
    : [];
  const best = new Map(rows.map((r) => [r.group, r]));
  return new Map<number, GroupInfluence>(
    [...groups].map(([group, members]): [number, GroupInfluence] => {
      const row = best.get(group);
      if (!row) {
        return [
          group,
          {
            score: 0,
            parts: [],
            memberId: null,
            membersWithInfluence: 0,
            members: members.length,
            explanation:
              members.length === 0
                ? 'No member is linked: no influence.'
                : `None of the ${members.length} linked members has an accepted answer yet: no influence.`,
          },
        ];
      }
      const sum = row.parts.map((p) => `${p.name} ${round(p.value)}×${p.weight}`).join(' + ');
      return [
        group,
        {
          score: row.score,
          parts: row.parts,
          memberId: row.member_id,
          membersWithInfluence: row.n,
          members: members.length,
          explanation: `The most influential of the ${members.length} linked members (${row.n} with any influence): ${sum} = ${round(row.score)}.`,
        },
      ];
    }),
  );
}

const round = (n: number) => Math.round(n * 100) / 100;

/** How many recent posts, and how far back, a group's sentiment reads. */
export const GROUP_SENTIMENT_POSTS = 30;
export const GROUP_SENTIMENT_DAYS = 90;
/** A change of the mean score of at least this (thousandths) between halves is a trend. */
export const TREND_THRESHOLD = 50;

export type TrendDirection = 'IMPROVING' | 'STEADY' | 'WORSENING';

export interface GroupSentiment {
  /** Mean score of the sample, thousandths (-1000..1000); 0 without posts. */
  score: number;
  /** By the posts' thresholds (labelFor). */
  label: SentimentLabel;
  /** How many of the sample's posts show each cue, most first (cues seen only). */
  cues: { cue: Cue; count: number }[];
  sampleSize: number;
  trend: {
    direction: TrendDirection;
    /** Mean of the newer half (⌊n/2⌋ newest posts; the middle one of an odd sample is in neither half). */
    recentScore: number | null;
    olderScore: number | null;
    change: number | null;
    postsPerHalf: number;
  };
  since: Date;
}

const mean = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

/**
 * Each group's sentiment over its members' `posts` most recent scored posts (not deleted) of
 * the last `days` days: the mean score and its label, the cues counted, and the trend, the
 * newer half's mean against the older half's (IMPROVING or WORSENING from ±50). One statement
 * for every group.
 */
export async function sentimentOfGroups(
  em: EntityManager,
  groups: MemberGroups,
  opts: { posts?: number; days?: number; now?: Date } = {},
): Promise<Map<number, GroupSentiment>> {
  const posts = opts.posts ?? GROUP_SENTIMENT_POSTS;
  const since = new Date((opts.now ?? new Date()).getTime() - (opts.days ?? GROUP_SENTIMENT_DAYS) * 86_400_000);
  const rows = groups.size
    ? await sql<{ group: number; score: number; cues: Cue[] }>(
        em,
        `select r.group, r.score, r.cues from (
           select g.group, s.score, s.cues,
                  row_number() over (partition by g.group order by p.created_at desc, p.id desc) as n
             from jsonb_to_recordset(?::jsonb) as g("group" int, member_id int)
             join posts p on p.author_id = g.member_id and p.deleted_at is null and p.created_at >= ?
             join post_sentiments s on s.post_id = p.id) r
          where r.n <= ?
          order by r.group, r.n`,
        [pairs(groups), since, posts],
      )
    : [];
  const out = new Map<number, GroupSentiment>();
  for (const [group] of groups) {
    // Newest first.
    const sample = rows.filter((r) => r.group === group);
    const scores = sample.map((r) => r.score);
    const score = mean(scores) ?? 0;
    const half = Math.floor(sample.length / 2);
    const recentScore = half ? mean(scores.slice(0, half)) : null;
    const olderScore = half ? mean(scores.slice(-half)) : null;
    const change = recentScore !== null && olderScore !== null ? recentScore - olderScore : null;
    const counts = CUES.map((cue) => ({ cue, count: sample.filter((r) => r.cues.includes(cue)).length }))
      .filter((c) => c.count > 0)
      .sort((a, b) => b.count - a.count);
    out.set(group, {
      score,
      label: labelFor(score),
      cues: counts,
      sampleSize: sample.length,
      trend: {
        direction:
          change === null
            ? 'STEADY'
            : change >= TREND_THRESHOLD
              ? 'IMPROVING'
              : change <= -TREND_THRESHOLD
                ? 'WORSENING'
                : 'STEADY',
        recentScore,
        olderScore,
        change,
        postsPerHalf: half,
      },
      since,
    });
  }
  return out;
}
