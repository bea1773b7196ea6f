import { data, Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { PageLinks } from '../components/ui/page-links';
import { FormMessage } from '../components/ui/field';
import { MemberCard, type MemberActionError } from '../features/admin/member-card';
import { ROLE_LABEL } from '../features/admin/wording';
import { api, loaderStatus } from '../graphql/client.server';
import { graphql } from '../graphql/generated';
import type { AdminMembersFilterInput, Role } from '../graphql/generated/graphql';
import { statusFor } from '../lib/form-errors';
import { sameOriginAction } from '../lib/same-origin.server';
import { readToken } from '../lib/session.server';
import { useViewer } from '../root';
import type { Route } from './+types/admin.members';

export const meta: Route.MetaFunction = () => [{ title: 'Members · Admin · Hearth' }];

const HERE = '/admin/members';

const AdminMembersQuery = graphql(`
  query AdminMembers($filter: AdminMembersFilterInput, $after: String) {
    adminMembers(filter: $filter, first: 25, after: $after) {
      edges {
        node {
          id
          handle
          role
          reputation
          createdAt
          isAdvocate
          heldForApproval
          email
          sanction {
            kind
            reason
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const SetRoleMutation = graphql(`
  mutation AdminSetMemberRole($input: SetMemberRoleInput!) {
    setMemberRole(input: $input) {
      member {
        id
      }
    }
  }
`);
const ApproveMutation = graphql(`
  mutation AdminApproveMember($input: ApproveMemberInput!) {
    approveMember(input: $input) {
      member {
        id
      }
    }
  }
`);
const GrantAdvocateMutation = graphql(`
  mutation AdminGrantAdvocate($input: GrantAdvocateInput!) {
    grantAdvocate(input: $input) {
      id
    }
  }
`);
const RevokeAdvocateMutation = graphql(`
  mutation AdminRevokeAdvocate($input: AdvocateInput!) {
    revokeAdvocate(input: $input) {
      id
    }
  }
`);

const YES_NO = ['held', 'sanctioned', 'advocate'] as const;

/** The filter as the URL gives it (a GET form, so search works without JavaScript). */
function filterOf(params: URLSearchParams) {
  const role = params.get('role') ?? '';
  const flag = (name: string) => {
    const value = params.get(name);
    return value === 'yes' ? true : value === 'no' ? false : null;
  };
  return {
    q: (params.get('q') ?? '').trim().replace(/^@/, '').slice(0, 254),
    role: role in ROLE_LABEL ? role : '',
    held: flag('held'),
    sanctioned: flag('sanctioned'),
    advocate: flag('advocate'),
  };
}
type Filter = ReturnType<typeof filterOf>;

const toInput = (f: Filter): AdminMembersFilterInput => ({
  query: f.q || null,
  role: (f.role || null) as Role | null,
  held: f.held,
  sanctioned: f.sanctioned,
  advocate: f.advocate,
});

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const params = new URL(request.url).searchParams;
  const filter = filterOf(params);
  const paged = params.has('after');
  const res = await api(request, AdminMembersQuery, { filter: toInput(filter), after: params.get('after') });
  if (res.staleSession) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  if (res.error) {
    // A search the viewer may not make (an email, for a moderator) or a stale cursor: say so
    // beside the search box. Anything else (a member who is not staff) is the page's error.
    const inline =
      res.error.code === 'BAD_USER_INPUT' ||
      (res.error.code === 'FORBIDDEN' &&
        filter.q.includes('@') &&
        !(await api(request, AdminMembersQuery, { filter: {}, after: null })).error);
    if (!inline) throw data({ message: res.error.message }, { status: loaderStatus(res.error) });
    return { adminMembers: null, filter, paged, searchError: res.error.message };
  }
  return { adminMembers: res.data.adminMembers, filter, paged, searchError: null };
}

export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const memberId = String(form.get('memberId') ?? '');
  const reason = String(form.get('reason') ?? '');
  const res =
    intent === 'approve'
      ? await api(request, ApproveMutation, { input: { memberId } })
      : intent === 'role'
        ? await api(request, SetRoleMutation, {
            input: { memberId, role: String(form.get('role') ?? '') as Role, reason },
          })
        : intent === 'grantAdvocate'
          ? await api(request, GrantAdvocateMutation, { input: { memberId, reason } })
          : await api(request, RevokeAdvocateMutation, { input: { memberId, reason } });
  if (res.error) {
    return data<MemberActionError>({ intent, memberId, message: res.error.message }, { status: statusFor(res.error) });
  }
  throw redirect(`${HERE}${new URL(request.url).search}#member-${memberId}`);
});

const inputClass = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';

function YesNo({ name, label, value }: { name: string; label: string; value: boolean | null }) {
  return (
    <label className="text-sm font-medium text-slate-700">
      {label}
      <select name={name} defaultValue={value === null ? '' : value ? 'yes' : 'no'} className={inputClass}>
        <option value="">Any</option>
        <option value="yes">Yes</option>
        <option value="no">No</option>
      </select>
    </label>
  );
}

/**
 * Staff: members newest first, searched by handle (or, for administrators, by email) and
 * filtered by role, held sign-up, sanction and advocate status, with the tools for each.
 */
export default function AdminMembers() {
  const { adminMembers, filter, paged, searchError } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const viewer = useViewer();
  const members = adminMembers?.edges.map((e) => e.node) ?? [];
  const href = (after: string | null) => {
    const params = new URLSearchParams();
    if (filter.q) params.set('q', filter.q);
    if (filter.role) params.set('role', filter.role);
    for (const name of YES_NO) if (filter[name] !== null) params.set(name, filter[name] ? 'yes' : 'no');
    if (after) params.set('after', after);
    const search = params.toString();
    return search ? `?${search}` : HERE;
  };
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm">
          <Link to="/admin" className="text-brand-700 hover:underline">
            Admin
          </Link>
        </p>
        <h1 className="text-2xl font-bold">Members</h1>
        <p className="mt-1 text-sm text-slate-600">
          Newest first. Sanctions and staff notes are on each member’s profile.
        </p>
      </div>
      <Form
        method="get"
        role="search"
        className="grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-6"
      >
        <label className="col-span-2 text-sm font-medium text-slate-700">
          Handle or email
          <input
            name="q"
            type="search"
            defaultValue={filter.q}
            placeholder={viewer?.role === 'ADMIN' ? 'handle prefix or email' : 'handle prefix'}
            aria-invalid={searchError ? true : undefined}
            aria-describedby={searchError ? 'member-search-error' : undefined}
            className={inputClass}
          />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Role
          <select name="role" defaultValue={filter.role} className={inputClass}>
            <option value="">Any</option>
            {Object.entries(ROLE_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <YesNo name="held" label="Held sign-up" value={filter.held} />
        <YesNo name="sanctioned" label="Sanctioned" value={filter.sanctioned} />
        <YesNo name="advocate" label="Advocate" value={filter.advocate} />
        <div className="col-span-2 flex gap-3 sm:col-span-6">
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
          >
            Search
          </button>
          <Link to={HERE} className="px-1 py-2 text-sm font-medium text-brand-700 hover:underline">
            Clear
          </Link>
        </div>
      </Form>
      {searchError && (
        <div id="member-search-error">
          <FormMessage message={searchError} />
        </div>
      )}
      {adminMembers && members.length === 0 && (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700" data-testid="no-members">
          No member matches.
        </p>
      )}
      <ul className="space-y-3">
        {members.map((m) => (
          <MemberCard
            key={m.id}
            member={m}
            viewer={viewer}
            error={failure && failure.memberId === m.id ? failure : null}
          />
        ))}
      </ul>
      {adminMembers && <PageLinks pageInfo={adminMembers.pageInfo} href={href} paged={paged} label="Member pages" />}
    </div>
  );
}
