import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { sql } from '../../platform/db/sql.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { readableThreadIdSql } from '../community/visibility.js';
import { readableArticleSql } from './article-visibility.js';

export type SuggestionKind = 'THREAD' | 'ARTICLE';
export interface SuggestionRef {
  kind: SuggestionKind;
  id: number;
}

const SESSION_ID = /^[A-Za-z0-9_-]{16,64}$/;
/** Suggestions one call may report, and one session may hold (a form shows five at a time). */
const PER_CALL = 10;
const PER_SESSION = 100;
/** A session that clicked a suggestion and has not asked for this long counts as deflected. */
export const SETTLE_MINUTES = 30;

function checkSession(sessionId: string): void {
  if (!SESSION_ID.test(sessionId)) {
    throw new ValidationError({ sessionId: 'sessionId is 16–64 characters of A–Z, a–z, 0–9, _ or -.' });
  }
}

/**
 * Only suggestions the viewer could have been shown count: readable solved threads and
 * published articles. Anything else is NOT_FOUND, so the log cannot be used to probe.
 */
async function ensureReadable(em: EntityManager, viewer: Viewer, refs: SuggestionRef[]): Promise<void> {
  const threads = refs.filter((r) => r.kind === 'THREAD').map((r) => r.id);
  const articles = refs.filter((r) => r.kind === 'ARTICLE').map((r) => r.id);
  const [row] = await sql<{ n: number }>(
    em,
    `select (select count(*) from threads t where t.id = any(?::int[]) and ${readableThreadIdSql(viewer, 't.id')})
          + (select count(*) from articles a where a.id = any(?::int[]) and ${readableArticleSql(viewer)}) as n`,
    [`{${threads.join(',')}}`, `{${articles.join(',')}}`],
  );
  if (Number(row!.n) !== new Set(refs.map((r) => `${r.kind}:${r.id}`)).size) throw new NotFoundError('Suggestion');
}

/** The session, created for the viewer on first use; another member's session is absent. */
async function claimSession(em: EntityManager, viewer: Viewer, sessionId: string): Promise<void> {
  const [row] = await sql<{ member_id: number }>(
    em,
    `with made as (insert into ask_sessions (id, member_id) values (?, ?) on conflict (id) do nothing returning member_id)
     select member_id from made union all select member_id from ask_sessions where id = ?`,
    [sessionId, viewer.id, sessionId],
  );
  if (row?.member_id !== viewer.id) throw new NotFoundError('Ask session');
}

/** Suggestions shown while the viewer wrote a question (shown again: nothing changes). */
export async function recordSuggestionsShown(
  em: EntityManager,
  viewer: Viewer,
  sessionId: string,
  refs: SuggestionRef[],
): Promise<void> {
  checkSession(sessionId);
  if (refs.length === 0 || refs.length > PER_CALL) {
    throw new ValidationError({ suggestions: `Report 1–${PER_CALL} suggestions at a time.` });
  }
  await ensureReadable(em, viewer, refs);
  await claimSession(em, viewer, sessionId);
  await sql(
    em,
    `insert into ask_suggestions (session_id, target_kind, target_id)
     select ?, r.kind, r.id from jsonb_to_recordset(?::jsonb) as r(kind text, id int)
      where (select count(*) from ask_suggestions where session_id = ?) < ${PER_SESSION}
     on conflict do nothing`,
    [sessionId, JSON.stringify(refs), sessionId],
  );
}

/** The viewer opened a suggestion: it counts once (the first click), and as shown if it was not. */
export async function recordSuggestionClicked(
  em: EntityManager,
  viewer: Viewer,
  sessionId: string,
  ref: SuggestionRef,
): Promise<void> {
  checkSession(sessionId);
  await ensureReadable(em, viewer, [ref]);
  await claimSession(em, viewer, sessionId);
  await sql(
    em,
    `insert into ask_suggestions (session_id, target_kind, target_id, clicked_at) values (?, ?, ?, now())
     on conflict (session_id, target_kind, target_id)
       do update set clicked_at = coalesce(ask_suggestions.clicked_at, excluded.clicked_at)`,
    [sessionId, ref.kind, ref.id],
  );
}

/**
 * The viewer posted their question after all: the session's suggestions did not deflect it. A
 * session that never showed a suggestion has nothing to record (it is not made here, so it does
 * not count among the sessions that reported suggestions).
 */
export async function recordQuestionAsked(
  em: EntityManager,
  viewer: Viewer,
  sessionId: string,
  threadId: number,
): Promise<void> {
  checkSession(sessionId);
  const [own] = await sql(em, 'select 1 from threads where id = ? and author_id = ? and deleted_at is null', [
    threadId,
    viewer.id,
  ]);
  if (!own) throw new NotFoundError('Thread');
  await sql(
    em,
    `update ask_sessions set asked_thread_id = ?, asked_at = now()
      where id = ? and member_id = ? and asked_at is null`,
    [threadId, sessionId, viewer.id],
  );
}

export interface DeflectionCounts {
  /** Suggestions shown (each session × suggestion once). */
  shown: number;
  clicked: number;
  /** Clicked, and the question was never posted (after SETTLE_MINUTES). */
  deflected: number;
  /** Clicked, and the question was posted anyway. */
  failed: number;
  /** Shown and not clicked. */
  potential: number;
  /** Clicked recently: not decided yet. */
  pending: number;
}

const COUNTS = `
  count(*)::int as shown,
  count(*) filter (where g.clicked_at is not null)::int as clicked,
  count(*) filter (where g.clicked_at is not null and s.asked_at is null
                     and s.started_at < now() - interval '${SETTLE_MINUTES} minutes')::int as deflected,
  count(*) filter (where g.clicked_at is not null and s.asked_at is not null)::int as failed,
  count(*) filter (where g.clicked_at is null)::int as potential,
  count(*) filter (where g.clicked_at is not null and s.asked_at is null
                     and s.started_at >= now() - interval '${SETTLE_MINUTES} minutes')::int as pending`;

/** Deflection over the last `days`: sessions, suggestion outcomes, and the targets that deflect most. */
export async function deflectionStats(em: EntityManager, days: number, top: number) {
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new ValidationError({ days: 'days is 1–365.' });
  const since = `now() - interval '${days} days'`;
  const [sessions] = await sql<{ sessions: number; asked: number; deflected_sessions: number }>(
    em,
    `select count(*)::int as sessions, count(*) filter (where asked_at is not null)::int as asked,
            count(*) filter (where asked_at is null and started_at < now() - interval '${SETTLE_MINUTES} minutes'
                               and exists (select 1 from ask_suggestions g
                                            where g.session_id = s.id and g.clicked_at is not null))::int
              as deflected_sessions
       from ask_sessions s where s.started_at >= ${since}`,
  );
  const [overall] = await sql<DeflectionCounts>(
    em,
    `select ${COUNTS} from ask_sessions s join ask_suggestions g on g.session_id = s.id where s.started_at >= ${since}`,
  );
  const targets = await sql<DeflectionCounts & { kind: SuggestionKind; id: number }>(
    em,
    `select g.target_kind as kind, g.target_id as id, ${COUNTS}
       from ask_sessions s join ask_suggestions g on g.session_id = s.id
      where s.started_at >= ${since}
      group by g.target_kind, g.target_id
      order by deflected desc, clicked desc, shown desc, g.target_kind, g.target_id limit ?`,
    [top],
  );
  return {
    sessions: sessions!.sessions,
    asked: sessions!.asked,
    deflectedSessions: sessions!.deflected_sessions,
    ...overall!,
    targets,
  };
}
