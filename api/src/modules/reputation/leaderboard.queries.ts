import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';

export enum LeaderboardPeriod {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  ALL_TIME = 'ALL_TIME',
}

export enum LeaderboardRanking {
  /** Reputation gained in the period. */
  REPUTATION = 'REPUTATION',
  /** Answers accepted as solutions in the period (top solvers). */
  SOLUTIONS = 'SOLUTIONS',
}

export interface LeaderboardRow {
  rank: number;
  memberId: number;
  points: number;
  accepted: number;
}

/** The first day of the period containing now, in UTC (weeks start on Monday). */
const PERIOD_START: Record<LeaderboardPeriod, string> = {
  WEEK: `date_trunc('week', now() at time zone 'utc')::date`,
  MONTH: `date_trunc('month', now() at time zone 'utc')::date`,
  ALL_TIME: `date '1970-01-01'`,
};

/**
 * The top members for a period, overall (categoryId 0) or in one category. Reads
 * reputation_rollups, which a trigger keeps current in the transaction of every ledger event, so
 * this is one range scan of an index ordered the way the board is (milliseconds at any size).
 */
export async function leaderboard(
  em: EntityManager,
  args: { period: LeaderboardPeriod; categoryId: number; ranking: LeaderboardRanking; first: number },
): Promise<LeaderboardRow[]> {
  const column = args.ranking === LeaderboardRanking.SOLUTIONS ? 'accepted' : 'points';
  const rows = await sql<{ member_id: number; points: number; accepted: number }>(
    em,
    `select member_id, points, accepted from reputation_rollups
      where period = ? and period_start = ${PERIOD_START[args.period]} and category_id = ? and ${column} > 0
      order by ${column} desc, member_id
      limit ?`,
    [args.period, args.categoryId, args.first],
  );
  // Competition ranking: equal scores share a rank (1, 2, 2, 4).
  let rank = 0;
  return rows.map((r, i) => {
    if (i === 0 || r[column] !== rows[i - 1]![column]) rank = i + 1;
    return { rank, memberId: r.member_id, points: r.points, accepted: r.accepted };
  });
}
