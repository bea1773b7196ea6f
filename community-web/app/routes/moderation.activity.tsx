import { data, Form, Link, redirect, useLoaderData } from 'react-router';
import { PageLinks } from '../components/ui/page-links';
import { timeAgo } from '../features/forum/format';
import { ACTIVITY_KINDS, actorName, describeEvent, eventLink, SUBJECT_PATTERN } from '../features/moderation/activity';
import { graphql } from '../graphql/generated';
import { query } from '../graphql/client.server';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/moderation.activity';

export const meta: Route.MetaFunction = () => [{ title: 'Activity log · Hearth' }];

const HERE = '/moderation/activity';

const ActivityQuery = graphql(`
  query Activity($filter: EventLogFilterInput, $after: String) {
    events(filter: $filter, first: 30, after: $after) {
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

/** The filter as the URL gives it; a subject that is not `kind:id` is set aside and said so. */
function filterOf(params: URLSearchParams) {
  const subject = (params.get('subject') ?? '').trim().toLowerCase();
  const kind = params.get('kind') ?? '';
  return {
    subject,
    kind: kind in ACTIVITY_KINDS ? kind : '',
    badSubject: subject !== '' && !SUBJECT_PATTERN.test(subject),
  };
}

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const params = new URL(request.url).searchParams;
  const filter = filterOf(params);
  const { data: result, headers } = await query(request, ActivityQuery, {
    filter: {
      subject: filter.subject && !filter.badSubject ? filter.subject : null,
      kinds: filter.kind ? [filter.kind] : null,
    },
    after: params.get('after'),
  });
  return data({ ...result, filter, paged: params.has('after') }, { headers });
}

/**
 * Everything that happened in the community, newest first, from the event log (staff only):
 * who did what, to what, and a link to it. Filter by a subject (a thread's whole life with
 * `thread:12`, a member's with `member:3`) and by kind.
 */
export default function Activity() {
  const { events, filter, paged } = useLoaderData<typeof loader>();
  const rows = events.edges.map((e) => e.node);
  const href = (after: string | null) => {
    const params = new URLSearchParams();
    if (filter.subject && !filter.badSubject) params.set('subject', filter.subject);
    if (filter.kind) params.set('kind', filter.kind);
    if (after) params.set('after', after);
    const search = params.toString();
    return search ? `?${search}` : HERE;
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Activity log</h1>
        <Link to="/moderation/audit" className="text-sm font-medium text-brand-700 hover:underline">
          Moderator actions only: the audit log →
        </Link>
      </div>
      <p className="text-sm text-slate-600">
        Every action as it was recorded, newest first. A subject such as <code>thread:12</code> shows a thread’s whole
        life, its posts included; <code>member:3</code> what happened to a member.
      </p>
      <Form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <label className="text-sm font-medium text-slate-700">
          Subject
          <input
            name="subject"
            defaultValue={filter.subject}
            placeholder="thread:12"
            aria-invalid={filter.badSubject || undefined}
            className="mt-1 block w-40 rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Kind
          <select
            name="kind"
            defaultValue={filter.kind}
            className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">All kinds</option>
            {Object.entries(ACTIVITY_KINDS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Show
        </button>
        {(filter.subject || filter.kind) && (
          <Link to={HERE} className="py-2 text-sm text-brand-700 hover:underline">
            Clear
          </Link>
        )}
      </Form>
      {filter.badSubject && (
        <p role="alert" className="text-sm text-red-700">
          “{filter.subject}” is not a subject: write a kind and an id, such as thread:12. Showing everything.
        </p>
      )}
      {rows.length === 0 && <p className="text-slate-600">Nothing recorded yet.</p>}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {rows.map((event) => {
          const link = eventLink(event);
          return (
            <li
              key={event.id}
              className="flex flex-wrap items-baseline gap-x-2 px-4 py-3 text-sm"
              data-testid="activity"
            >
              <span className="font-medium text-slate-900">{actorName(event)}</span>
              <span className="text-slate-700">{describeEvent(event)}</span>
              {link ? (
                <Link to={link} className="text-brand-700 hover:underline">
                  {event.subject}
                </Link>
              ) : (
                <span className="text-slate-600">{event.subject}</span>
              )}
              <time dateTime={event.occurredAt} className="ml-auto text-xs text-slate-600">
                {timeAgo(event.occurredAt)}
              </time>
            </li>
          );
        })}
      </ul>
      <PageLinks pageInfo={events.pageInfo} href={href} paged={paged} label="Activity pages" />
    </div>
  );
}
