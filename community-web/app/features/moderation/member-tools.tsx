import { Form } from 'react-router';
import { Button, FieldError, FormMessage, TextArea } from '../../components/ui/field';
import type { MemberModerationQuery } from '../../graphql/generated/graphql';
import { timeAgo } from '../forum/format';
import { dayOf } from './sanction-banner';

type Moderated = NonNullable<MemberModerationQuery['member']>;

export interface MemberToolErrors {
  intent: string;
  form: string | null;
  fields: Record<string, string>;
}

const input = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';
const KIND_TEXT: Record<string, string> = { SILENCE: 'Silenced', SUSPEND: 'Suspended' };

/** How long a sanction runs, in words. */
const spanOf = (s: { until?: string | null; liftedAt?: string | null }) =>
  s.liftedAt ? `lifted ${dayOf(s.liftedAt)}` : s.until ? `until ${dayOf(s.until)}` : 'until a moderator lifts it';

/**
 * Staff: silence (may read, not post) or suspend (may not log in) a member until a date, for a
 * reason the member is shown; lift what is in force; see what was imposed before.
 */
export function SanctionTools({ member, errors }: { member: Moderated; errors: MemberToolErrors | null }) {
  const mine = errors && ['sanction', 'lift'].includes(errors.intent) ? errors : null;
  const history = member.sanctionHistory?.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="sanction-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="sanction-heading" className="text-sm font-semibold text-slate-700">
        Sanctions (staff)
      </h2>
      {member.sanction ? (
        <Form method="post" className="mt-2 flex flex-wrap items-center gap-3">
          <input type="hidden" name="intent" value="lift" />
          <input type="hidden" name="memberId" value={member.id} />
          <p className="text-sm text-slate-800" data-testid="sanction-in-force">
            <span className="font-semibold">{KIND_TEXT[member.sanction.kind]}</span> {spanOf(member.sanction)}:{' '}
            {member.sanction.reason}
          </p>
          <Button type="submit" variant="secondary" className="!px-2 !py-1 text-xs">
            Lift
          </Button>
        </Form>
      ) : (
        <p className="mt-2 text-sm text-slate-600">No sanction in force.</p>
      )}
      <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2" data-testid="sanction-form">
        <input type="hidden" name="intent" value="sanction" />
        <input type="hidden" name="memberId" value={member.id} />
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-slate-700">Sanction</legend>
          <label className="mr-4 inline-flex items-center gap-1.5 text-sm text-slate-700">
            <input type="radio" name="kind" value="SILENCE" defaultChecked /> Silence (may read, not post)
          </label>
          <label className="inline-flex items-center gap-1.5 text-sm text-slate-700">
            <input type="radio" name="kind" value="SUSPEND" /> Suspend (may not log in)
          </label>
        </fieldset>
        <div>
          <label className="block text-sm font-medium text-slate-700">
            Until (end of the day, UTC)
            <input type="date" name="until" required className={input} aria-invalid={!!mine?.fields.until} />
          </label>
          <FieldError id="sanction-until-error" error={mine?.fields.until} />
        </div>
        <div>
          <label className="block text-sm font-medium text-slate-700">
            Reason (the member sees it)
            <input name="reason" required maxLength={500} className={input} aria-invalid={!!mine?.fields.reason} />
          </label>
          <FieldError id="sanction-reason-error" error={mine?.fields.reason} />
        </div>
        <div className="sm:col-span-2">
          <FormMessage message={mine?.form} />
          <Button type="submit" variant="secondary" className="mt-2">
            Impose sanction
          </Button>
        </div>
      </Form>
      {history.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-slate-700">Past sanctions ({history.length})</summary>
          <ul className="mt-2 space-y-1 text-slate-700">
            {history.map((s) => (
              <li key={s.id}>
                {KIND_TEXT[s.kind]} {dayOf(s.startsAt)}, {spanOf(s)}
                {s.imposedBy ? ` by @${s.imposedBy.handle}` : ' automatically'}: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** Staff's private notes on the member, newest first; its author (or an admin) deletes one. */
export function StaffNotes({ member, errors }: { member: Moderated; errors: MemberToolErrors | null }) {
  const mine = errors && ['addNote', 'deleteNote'].includes(errors.intent) ? errors : null;
  const notes = member.staffNotes?.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="notes-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="notes-heading" className="text-sm font-semibold text-slate-700">
        Staff notes (only staff see these)
      </h2>
      {notes.length === 0 && <p className="mt-2 text-sm text-slate-600">No notes yet.</p>}
      <ul className="mt-2 divide-y divide-slate-100">
        {notes.map((note) => (
          <li key={note.id} className="py-2" data-testid="staff-note">
            <div className="prose-post text-sm" dangerouslySetInnerHTML={{ __html: note.bodyHtml }} />
            <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
              {note.author ? `@${note.author.handle}` : 'A former moderator'} ·{' '}
              <time dateTime={note.createdAt}>{timeAgo(note.createdAt)}</time>
              {note.viewerCanDelete && (
                <Form method="post" className="inline">
                  <input type="hidden" name="intent" value="deleteNote" />
                  <input type="hidden" name="noteId" value={note.id} />
                  <button type="submit" className="text-slate-700 underline hover:text-red-700">
                    Delete
                  </button>
                </Form>
              )}
            </p>
          </li>
        ))}
      </ul>
      <Form method="post" className="mt-2 space-y-2">
        <input type="hidden" name="intent" value="addNote" />
        <input type="hidden" name="memberId" value={member.id} />
        <TextArea label="Add a note (markdown)" name="body" rows={3} required error={mine?.fields.body} />
        <FormMessage message={mine?.form} />
        <Button type="submit" variant="secondary">
          Add note
        </Button>
      </Form>
    </section>
  );
}
