import { Form, Link } from 'react-router';
import { Button, FormMessage } from '../../components/ui/field';
import type { AdminMembersQuery } from '../../graphql/generated/graphql';
import { ROLE_LABEL } from './wording';

export type AdminMember = AdminMembersQuery['adminMembers']['edges'][number]['node'];

export interface MemberActionError {
  intent: string;
  memberId: string;
  message: string;
}

const input = 'block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
const SANCTION_TEXT: Record<string, string> = { SILENCE: 'Silenced', SUSPEND: 'Suspended' };

/** A small labelled form row: a reason (required by the API) and a submit button. */
function ReasonForm({
  member,
  intent,
  label,
  children,
}: {
  member: AdminMember;
  intent: string;
  label: string;
  children?: React.ReactNode;
}) {
  return (
    <Form method="post" className="flex flex-wrap items-end gap-2" data-testid={`${intent}-${member.handle}`}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="memberId" value={member.id} />
      {children}
      <label className="min-w-40 flex-1 text-xs font-medium text-slate-700">
        Reason
        <input name="reason" required minLength={3} maxLength={500} className={`mt-1 ${input}`} />
      </label>
      <Button type="submit" variant="secondary" className="!py-1.5">
        {label}
      </Button>
    </Form>
  );
}

/**
 * One member in the admin list: who they are, their standing (role, reputation, advocate,
 * held sign-up, sanction in force), and the tools staff use on them: approve a held sign-up,
 * grant or revoke advocate status, and (administrators) change the role. Sanctions and staff
 * notes are on the profile, linked.
 */
export function MemberCard({
  member,
  viewer,
  error,
}: {
  member: AdminMember;
  viewer: { handle: string; role: string } | null;
  error: MemberActionError | null;
}) {
  // Administrators change others' roles; nobody their own (the API refuses it).
  const mayChangeRole = viewer?.role === 'ADMIN' && viewer.handle !== member.handle;
  return (
    <li
      id={`member-${member.id}`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid={`member-${member.handle}`}
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <Link to={`/u/${member.handle}`} className="font-semibold text-brand-700 hover:underline">
          @{member.handle}
        </Link>
        <span className="text-sm text-slate-800" data-testid="member-role">
          {ROLE_LABEL[member.role] ?? member.role}
        </span>
        {member.isAdvocate && (
          <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800">Advocate</span>
        )}
        {member.heldForApproval && (
          <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900">Held sign-up</span>
        )}
        {member.sanction && (
          <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800">
            {SANCTION_TEXT[member.sanction.kind] ?? member.sanction.kind}
          </span>
        )}
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">Reputation</dt>
          <dd className="tabular-nums text-slate-900">{member.reputation}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Joined</dt>
          <dd className="text-slate-900">{member.createdAt.slice(0, 10)}</dd>
        </div>
        {member.email && (
          <div className="col-span-2 min-w-0">
            <dt className="text-slate-600">Email</dt>
            <dd className="break-all text-slate-900">{member.email}</dd>
          </div>
        )}
      </dl>
      {member.sanction && (
        <p className="text-sm text-slate-700">
          {SANCTION_TEXT[member.sanction.kind]}: {member.sanction.reason}
        </p>
      )}
      {error && <FormMessage message={error.message} />}
      <div className="space-y-3 border-t border-slate-100 pt-3">
        {member.heldForApproval && (
          <Form method="post" data-testid={`approve-${member.handle}`}>
            <input type="hidden" name="intent" value="approve" />
            <input type="hidden" name="memberId" value={member.id} />
            <Button type="submit">Approve sign-up</Button>
          </Form>
        )}
        <details open={!!error || undefined}>
          <summary className="cursor-pointer text-sm font-medium text-slate-800">
            {mayChangeRole ? 'Role and advocate status' : 'Advocate status'}
          </summary>
          <div className="mt-2 space-y-3">
            {mayChangeRole && (
              <ReasonForm member={member} intent="role" label="Change role">
                <label className="text-xs font-medium text-slate-700">
                  Role
                  <select name="role" defaultValue={member.role} className={`mt-1 ${input}`}>
                    {Object.entries(ROLE_LABEL).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                </label>
              </ReasonForm>
            )}
            <ReasonForm
              member={member}
              intent={member.isAdvocate ? 'revokeAdvocate' : 'grantAdvocate'}
              label={member.isAdvocate ? 'Revoke advocate' : 'Make advocate'}
            />
          </div>
        </details>
        <p className="text-sm">
          <Link to={`/u/${member.handle}`} className="text-brand-700 hover:underline">
            Sanctions and staff notes on the profile
          </Link>
        </p>
      </div>
    </li>
  );
}
