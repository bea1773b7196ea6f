import { data, Form, Link, redirect, useLoaderData } from 'react-router';
import { PageLinks } from '../components/ui/page-links';
import { timeAgo } from '../features/forum/format';
import { actorName } from '../features/moderation/activity';
import { auditLink, changesOf, describeAudit } from '../features/moderation/audit';
import { AUDIT_KINDS } from '../features/moderation/wording';
import { api, loaderStatus, query } from '../graphql/client.server';
import { graphql } from '../graphql/generated';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/moderation.audit';

export const meta: Route.MetaFunction = () => [{ title: 'Audit log · Hearth' }];

const HERE = '/moderation/audit';

const MemberIdQuery = graphql(`
  query AuditMember($handle: String!) {
    member(handle: $handle) {
      id
    }
  }
`);

/** The id of the member with this handle; null when nobody has it (or it is no handle at all). */
async function memberId(request: Request, handle: string): Promise<string | null> {
  if (!handle) return null;
  const res = await api(request, MemberIdQuery, { handle });
  if (res.error) {
    if (res.error.code === 'NOT_FOUND' || res.error.code === 'BAD_USER_INPUT') return null;
    throw data({ message: res.error.message }, { status: loaderStatus(res.error) });
  }
  return res.data.member?.id ?? null;
}

const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditLogFilterInput, $after: String) {
    auditLog(filter: $filter, first: 30, after: $after) {
      edges {
        node {
          id
          name
          subject
          actorType
          actorLabel
          actor {
            handle
          }
          data
          before
          after
          reason
          occurredAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const handleOf = (value: string | null) => (value ?? '').trim().replace(/^@/, '');

/** The filter as the URL gives it (GET parameters, so it works without JavaScript). */
function filterOf(params: URLSearchParams) {
  const thread = (params.get('thread') ?? '').trim();
  const kind = params.get('kind') ?? '';
  return {
    moderator: handleOf(params.get('moderator')),
    member: handleOf(params.get('member')),
    thread: /^\d{1,18}$/.test(thread) ? thread : '',
    badThread: thread !== '' && !/^\d{1,18}$/.test(thread),
    kind: kind in AUDIT_KINDS ? kind : '',
  };
}

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const params = new URL(request.url).searchParams;
  const filter = filterOf(params);
  const [moderator, member] = await Promise.all([
    memberId(request, filter.moderator),
    memberId(request, filter.member),
  ]);
  const ids = { moderator, member };
  // A handle nobody has matches nothing: say so rather than show the unfiltered log.
  const unknown = [
    ...(filter.moderator && !ids.moderator ? [filter.moderator] : []),
    ...(filter.member && !ids.member ? [filter.member] : []),
  ];
  if (unknown.length > 0) return data({ auditLog: null, filter, unknown, paged: false });
  const { data: result, headers } = await query(request, AuditLogQuery, {
    filter: {
      actorId: ids.moderator,
      memberId: ids.member,
      threadId: filter.thread || null,
      kinds: filter.kind ? [filter.kind] : null,
    },
    after: params.get('after'),
  });
  return data({ ...result, filter, unknown, paged: params.has('after') }, { headers });
}

const inputClass = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';

/**
 * Every moderator and administrator action, newest first (staff only): who, what, on what, why,
 * and what it changed. Filter by moderator, member, thread and kind.
 */
export default function AuditLog() {
  const { auditLog, filter, unknown, paged } = useLoaderData<typeof loader>();
  const rows = auditLog?.edges.map((e) => e.node) ?? [];
  const filtered = filter.moderator || filter.member || filter.thread || filter.kind;
  const href = (after: string | null) => {
    const params = new URLSearchParams();
    if (filter.moderator) params.set('moderator', filter.moderator);
    if (filter.member) params.set('member', filter.member);
    if (filter.thread) params.set('thread', filter.thread);
    if (filter.kind) params.set('kind', filter.kind);
    if (after) params.set('after', after);
    const search = params.toString();
    return search ? `?${search}` : HERE;
  };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="text-sm text-slate-600">
        Moderator and administrator actions, newest first, with the reason given and what changed.
      </p>
      <Form
        method="get"
        className="grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-5"
      >
        <label className="text-sm font-medium text-slate-700">
          Moderator
          <input name="moderator" defaultValue={filter.moderator} placeholder="handle" className={inputClass} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Member
          <input name="member" defaultValue={filter.member} placeholder="handle" className={inputClass} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Thread id
          <input
            name="thread"
            inputMode="numeric"
            defaultValue={filter.thread}
            aria-invalid={filter.badThread || undefined}
            className={inputClass}
          />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Kind
          <select name="kind" defaultValue={filter.kind} className={inputClass}>
            <option value="">All kinds</option>
            {Object.entries(AUDIT_KINDS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-center gap-3">
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            Show
          </button>
          {filtered && (
            <Link to={HERE} className="py-2 text-sm text-brand-700 hover:underline">
              Clear
            </Link>
          )}
        </div>
      </Form>
      {filter.badThread && (
        <p role="alert" className="text-sm text-red-700">
          A thread id is a number, such as 42: showing every thread.
        </p>
      )}
      {unknown.length > 0 && (
        <p role="alert" className="text-sm text-red-700" data-testid="unknown-handle">
          Nobody has the handle {unknown.map((h) => `@${h}`).join(' or ')}.
        </p>
      )}
      {auditLog && rows.length === 0 && <p className="text-slate-600">No actions match.</p>}
      <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {rows.map((event) => {
          const link = auditLink(event);
          const changes = changesOf(event);
          return (
            <li key={event.id} className="px-4 py-3 text-sm" data-testid="audit-row">
              <p className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium text-slate-900">{actorName(event)}</span>
                <span className="text-slate-700">{describeAudit(event)}</span>
                {link ? (
                  <Link to={link} className="text-brand-700 hover:underline">
                    {event.subject}
                  </Link>
                ) : (
                  <span className="text-slate-700">{event.subject}</span>
                )}
                <time dateTime={event.occurredAt} className="ml-auto text-xs text-slate-600">
                  {timeAgo(event.occurredAt)}
                </time>
              </p>
              {event.reason && <p className="mt-1 text-slate-700">Reason: {event.reason}</p>}
              {changes.length > 0 && (
                <ul className="mt-1 space-y-0.5 break-words font-mono text-xs text-slate-700">
                  {changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      {auditLog && <PageLinks pageInfo={auditLog.pageInfo} href={href} paged={paged} label="Audit log pages" />}
    </div>
  );
}
