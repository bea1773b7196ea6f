import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../platform/db/sql.js';
import { influenceOf, pageRank, WEIGHTS, type InfluencePart, type PartName } from './formula.js';

const WRITE_BATCH = 1000;

/**
 * The accepted answers that count: a live answer that is its live thread's solution, by
 * someone other than the asker.
 */
const ACCEPTED = `
  select p.id as post_id, p.author_id as answerer_id, t.author_id as asker_id, t.id as thread_id,
         coalesce(p.accepted_at, p.created_at) as accepted_at, t.created_at as thread_created_at, t.view_count
    from threads t join posts p on p.id = t.accepted_post_id
   where t.deleted_at is null and p.deleted_at is null and p.author_id <> t.author_id`;

/**
 * Recomputes every member's influence into member_influence: one aggregate query per member's
 * outcomes, one query for the asker → answerer edges (PageRank runs here, in memory: one
 * float per member and per edge), then upserts in batches of 1,000 and removes the rows of
 * members who no longer have any accepted answer. Returns the members scored.
 *
 * Reach: views after the solution. Threads count a view once per viewer and UTC day
 * (threads.view_count); thread_views keeps only the last two days. So reach is the thread's
 * view count now minus its count when the solution was accepted (solution_views, noted by a
 * subscriber), and for solutions accepted before that note existed, the view count times the
 * share of the thread's life since the solution (views assumed even over time). It counts a
 * viewer again on each day they come back: "views", not distinct people.
 */
export async function recomputeInfluence(em: EntityManager, now = new Date()): Promise<number> {
  const members = await sql<{ member_id: number; ages: number[]; reach: number; askers: number }>(
    em,
    `select a.answerer_id as member_id,
            array_agg(extract(epoch from (?::timestamptz - a.accepted_at)) / 86400.0) as ages,
            coalesce(sum(case
              when v.thread_id is not null then greatest(a.view_count - v.views_at_solution, 0)
              else a.view_count * least(1, greatest(0,
                     extract(epoch from (?::timestamptz - a.accepted_at))
                     / nullif(extract(epoch from (?::timestamptz - a.thread_created_at)), 0)))
            end), 0)::float8 as reach,
            count(distinct a.asker_id)::int as askers
       from (${ACCEPTED}) a
       left join solution_views v on v.thread_id = a.thread_id and v.post_id = a.post_id
      group by a.answerer_id`,
    [now, now, now],
  );
  const edges = await sql<{ asker_id: number; answerer_id: number; n: number }>(
    em,
    `select asker_id, answerer_id, count(*)::int as n from (${ACCEPTED}) a group by asker_id, answerer_id`,
  );
  const ranks = pageRank(edges.map((e) => ({ from: e.asker_id, to: e.answerer_id, weight: e.n })));
  const rows = members.map((m) => {
    const { score, parts } = influenceOf({
      acceptedAgesDays: m.ages.map(Number),
      reach: Number(m.reach),
      askersHelped: m.askers,
      rank: ranks.get(m.member_id) ?? 0,
    });
    return { member_id: m.member_id, score, parts };
  });
  const [{ started }] = (await sql<{ started: Date }>(em, 'select clock_timestamp() as started')) as [
    { started: Date },
  ];
  for (let i = 0; i < rows.length; i += WRITE_BATCH) {
    await sql(
      em,
      `insert into member_influence (member_id, score, parts, computed_at)
       select r.member_id, r.score, r.parts, clock_timestamp()
         from jsonb_to_recordset(?::jsonb) as r(member_id int, score float8, parts jsonb)
       on conflict (member_id) do update
         set score = excluded.score, parts = excluded.parts, computed_at = excluded.computed_at`,
      [JSON.stringify(rows.slice(i, i + WRITE_BATCH))],
    );
  }
  await sql(em, 'delete from member_influence where computed_at < ?', [started]);
  return rows.length;
}

export interface Influence {
  score: number;
  parts: InfluencePart[];
  computedAt: Date | null;
}

/** A member without a row: no accepted answer yet, every part zero. */
export const NO_INFLUENCE: Influence = {
  score: 0,
  computedAt: null,
  parts: (Object.keys(WEIGHTS) as PartName[]).map((name) => ({
    name,
    value: 0,
    weight: WEIGHTS[name],
    explanation: 'no accepted answers yet',
  })),
};

export async function influenceOfMembers(em: EntityManager, ids: readonly number[]): Promise<Map<number, Influence>> {
  const rows = await sql<{ member_id: number; score: number; parts: InfluencePart[]; computed_at: string }>(
    em,
    'select member_id, score, parts, computed_at from member_influence where member_id = any(?::int[])',
    [`{${ids.join(',')}}`],
  );
  return new Map(
    rows.map((r) => [r.member_id, { score: r.score, parts: r.parts, computedAt: new Date(r.computed_at) }]),
  );
}

export interface HiddenInfluencerRow {
  memberId: number;
  influence: Influence;
  /** 1 for the most influential member of all (staff and advocates included). */
  rank: number;
  /** Members with any influence. */
  outOf: number;
  nominatedAt: Date | null;
}

/**
 * Members in the top decile of influence (among members with any) who are neither staff nor
 * advocates, most influential first, with their last nomination.
 */
export async function hiddenInfluencers(em: EntityManager, first: number): Promise<HiddenInfluencerRow[]> {
  const rows = await sql<Record<string, unknown>>(
    em,
    `select d.member_id, d.score, d.parts, d.computed_at, d.rank, d.out_of,
            (select max(n.created_at) from influencer_nominations n where n.member_id = d.member_id) as nominated_at
       from (select i.*, ntile(10) over (order by i.score desc, i.member_id) as decile,
                    rank() over (order by i.score desc)::int as rank, count(*) over ()::int as out_of
               from member_influence i where i.score > 0) d
       join members m on m.id = d.member_id
      where d.decile = 1 and m.role = 'MEMBER' and not m.is_advocate
      order by d.score desc, d.member_id
      limit ?`,
    [first],
  );
  return rows.map((r) => ({
    memberId: r.member_id as number,
    influence: {
      score: r.score as number,
      parts: r.parts as InfluencePart[],
      computedAt: new Date(r.computed_at as string),
    },
    rank: r.rank as number,
    outOf: r.out_of as number,
    nominatedAt: r.nominated_at ? new Date(r.nominated_at as string) : null,
  }));
}

/** Why a member is a hidden influencer, in one sentence for staff. */
export function whyHidden(row: HiddenInfluencerRow): string {
  const part = (name: PartName) => row.influence.parts.find((p) => p.name === name);
  const details = (['ACCEPTED_ANSWERS', 'ASKERS_HELPED', 'REACH', 'RANK'] as const)
    .map((name) => part(name)?.explanation)
    .filter(Boolean)
    .join('; ');
  return `Top 10% of influence (#${row.rank} of ${row.outOf}), neither staff nor an advocate: ${details}.`;
}
