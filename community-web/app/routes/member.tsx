import { data, Form, Link, redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { Avatar } from '../components/ui/avatar';
import { Button, Field, FormMessage } from '../components/ui/field';
import { api, query } from '../graphql/client.server';
import { GrantAdvocateMutation, MemberQuery, RevokeAdvocateMutation } from '../graphql/documents';
import {
  AddStaffNoteMutation,
  DeleteStaffNoteMutation,
  LiftSanctionMutation,
  MemberModerationQuery,
  SilenceMemberMutation,
  SuspendMemberMutation,
} from '../features/moderation/documents';
import { SanctionTools, StaffNotes } from '../features/moderation/member-tools';
import { MemberCustomerQuery } from '../features/customers/documents';
import { BadgeCounts } from '../features/badges/badge-counts';
import { MemberBadges } from '../features/badges/member-badges';
import { SolutionList } from '../features/forum/solution-list';
import { ArticleCreditList } from '../features/knowledge/article-credit-list';
import { ThreadList } from '../features/forum/thread-list';
import { AdvocateMark } from '../features/reputation/advocate-mark';
import { LevelProgress } from '../features/reputation/level-progress';
import { PrivilegesList } from '../features/reputation/privileges';
import { ReputationHistory } from '../features/reputation/reputation-history';
import { formErrors, statusFor } from '../lib/form-errors';
import { isHandleParam, routeParam } from '../lib/route-params';
import { readToken } from '../lib/session.server';
import { useViewer } from '../root';
import { sameOriginAction } from '../lib/same-origin.server';
import type { Route } from './+types/member';

export const meta: Route.MetaFunction = ({ data }) => [{ title: `@${data?.member?.handle ?? 'member'} · Hearth` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const handle = routeParam(params.handle, isHandleParam);
  const search = new URL(request.url).searchParams;
  // Sanctions and staff notes are staff only: the API refuses anyone else (FORBIDDEN), which
  // here means "no staff tools", never a failed page.
  const moderation = (await readToken(request))
    ? api(request, MemberModerationQuery, { handle }).then(
        (r) => r.data?.member ?? null,
        () => null,
      )
    : Promise.resolve(null);
  // The linked customer: staff with the customer permission only; FORBIDDEN (anyone else) and
  // no link both mean no line on the profile.
  const customer = (await readToken(request))
    ? api(request, MemberCustomerQuery, { handle }).then(
        (r) => r.data?.member?.customer ?? null,
        () => null,
      )
    : Promise.resolve(null);
  const { data } = await query(
    request,
    MemberQuery,
    {
      handle,
      // ?after= pages the reputation history, ?solutionsAfter= the solutions, ?articlesAfter= the
      // knowledge articles, ?questionsAfter= the questions.
      after: search.get('after') || null,
      solutionsAfter: search.get('solutionsAfter') || null,
      articlesAfter: search.get('articlesAfter') || null,
      questionsAfter: search.get('questionsAfter') || null,
    },
    { routeParams: ['handle', 'authorHandle'] },
  );
  return { ...data, moderation: await moderation, customer: await customer };
}

/** The end of the chosen day (a date input's yyyy-mm-dd), UTC; anything else goes to the API as is. */
const endOfDay = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.000Z` : value);

/** Staff act on a member: sanctions and staff notes; null for intents that are not theirs. */
async function moderate(request: Request, form: FormData, intent: string) {
  const text = (name: string) => String(form.get(name) ?? '');
  switch (intent) {
    case 'sanction': {
      const input = { memberId: text('memberId'), until: endOfDay(text('until')), reason: text('reason') };
      return text('kind') === 'SUSPEND'
        ? api(request, SuspendMemberMutation, { input })
        : api(request, SilenceMemberMutation, { input });
    }
    case 'lift':
      return api(request, LiftSanctionMutation, { memberId: text('memberId') });
    case 'addNote':
      return api(request, AddStaffNoteMutation, { input: { memberId: text('memberId'), body: text('body') } });
    case 'deleteNote':
      return api(request, DeleteStaffNoteMutation, { id: text('noteId') });
    default:
      return null;
  }
}

/**
 * Staff grant or revoke advocate status (with a reason kept in the audit trail), sanction a
 * member, and keep notes on them.
 */
export const action = sameOriginAction(async ({ request, params }: Route.ActionArgs) => {
  const here = `/u/${routeParam(params.handle, isHandleParam)}`;
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(here)}`);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const moderated = await moderate(request, form, intent);
  if (moderated) {
    if (!moderated.error) throw redirect(here);
    if (moderated.error.code === 'UNAUTHENTICATED') throw redirect(`/login?redirectTo=${encodeURIComponent(here)}`);
    return data({ intent, ...formErrors(moderated.error), reason: '' }, { status: statusFor(moderated.error) });
  }
  const input = { memberId: String(form.get('memberId') ?? ''), reason: String(form.get('reason') ?? '') };
  const res =
    intent === 'revokeAdvocate'
      ? await api(request, RevokeAdvocateMutation, { input })
      : await api(request, GrantAdvocateMutation, {
          input: { ...input, categoryIds: form.getAll('categoryIds').map(String) },
        });
  if (res.error) {
    if (res.error.code === 'UNAUTHENTICATED') throw redirect(`/login?redirectTo=${encodeURIComponent(here)}`);
    return data({ intent, ...formErrors(res.error), reason: input.reason }, { status: statusFor(res.error) });
  }
  throw redirect(here);
});

const MEMBER_TOOL_INTENTS = new Set(['sanction', 'lift', 'addNote', 'deleteNote']);

const ROLES: Record<string, string> = { MEMBER: 'Member', ADMIN: 'Administrator', MODERATOR: 'Moderator' };

export default function MemberPage() {
  const { member, threads, categories, moderation, customer } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // The advocate form's errors (its Enter key sends no intent); the staff tools show their own.
  const result = actionData && !MEMBER_TOOL_INTENTS.has(actionData.intent) ? actionData : null;
  const viewer = useViewer();
  const [params] = useSearchParams();
  if (!member) return null;
  /** This page with `param` set to the cursor of the list's next page, when it has one. */
  const nextPage = (pageInfo: { hasNextPage: boolean; endCursor?: string | null }, param: string) => {
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) return null;
    const search = new URLSearchParams(params);
    search.set(param, pageInfo.endCursor);
    return `?${search.toString()}`;
  };
  const questionsNext = nextPage(threads.pageInfo, 'questionsAfter');
  const history = member.reputationHistory;
  const solutions = member.acceptedAnswers;
  const staff = !!viewer && viewer.role !== 'MEMBER';
  const ownProfile = viewer?.id === member.id;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center gap-6 rounded-lg border border-slate-200 bg-white p-6">
        <div className="flex items-center gap-4">
          <div className="flex flex-col items-center gap-1">
            <Avatar url={member.avatarUrl} size={64} />
            {ownProfile && (
              <Link to="/settings/avatar" className="text-xs text-slate-600 underline hover:text-slate-900">
                Change avatar
              </Link>
            )}
          </div>
          <div>
            <h1 className="text-2xl font-bold">
              @{member.handle}
              {member.isAdvocate && <AdvocateMark />}
            </h1>
            {member.isAdvocate && (
              <p className="text-sm text-slate-600" data-testid="advocate-scope">
                {advocateScope(member.advocateCategories)}
              </p>
            )}
            <p className="text-sm text-slate-500">
              {ROLES[member.role] ?? member.role} · joined{' '}
              {new Date(member.createdAt).toLocaleDateString('en', { year: 'numeric', month: 'long', day: 'numeric' })}
            </p>
            <p className="mt-1 flex flex-wrap items-center gap-3 text-sm text-slate-600">
              <span>
                <span className="font-semibold text-slate-900" data-testid="reputation">
                  {member.reputation}
                </span>{' '}
                reputation
              </span>
              <BadgeCounts counts={member.badgeCounts} />
            </p>
          </div>
        </div>
        <div className="min-w-56 flex-1 sm:flex sm:justify-end">
          <LevelProgress reputation={member.reputation} level={member.level} />
        </div>
      </div>

      {customer && (
        <p className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm" data-testid="member-customer">
          <span className="font-medium text-slate-700">Customer:</span>{' '}
          <Link to={`/staff/customers/${customer.id}`} className="font-medium text-brand-700 hover:underline">
            {customer.company ?? customer.name} ({customer.externalId})
          </Link>{' '}
          <span className="text-slate-600">· staff only</span>
        </p>
      )}

      {staff && (
        <section aria-labelledby="advocate-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="advocate-heading" className="text-sm font-semibold text-slate-700">
            Advocate status (staff)
          </h2>
          <Form method="post" className="mt-2 space-y-3" data-testid="advocate-form">
            <input type="hidden" name="memberId" value={member.id} />
            <FormMessage message={result?.form} />
            <Field
              label="Reason"
              name="reason"
              defaultValue={result?.reason}
              error={result?.fields.reason}
              hint="3–500 characters, kept in the audit trail."
              autoComplete="off"
            />
            <fieldset>
              <legend className="text-sm font-medium text-slate-700">Categories they champion</legend>
              <p className="text-xs text-slate-500">
                Advocates accept answers on others' threads in these. None checked: every category.
              </p>
              <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
                {categories.map((c) => (
                  <label key={c.id} className="flex items-center gap-1.5 text-sm text-slate-700">
                    <input
                      type="checkbox"
                      name="categoryIds"
                      value={c.id}
                      defaultChecked={!!member.advocateCategories?.some((a) => a.id === c.id)}
                    />
                    {c.name}
                  </label>
                ))}
              </div>
              {result?.fields.categoryIds && (
                <p className="mt-1 text-sm text-red-700" data-testid="field-error">
                  {result.fields.categoryIds}
                </p>
              )}
            </fieldset>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" name="intent" value="grantAdvocate" variant="secondary">
                {member.isAdvocate ? 'Save categories' : 'Make advocate'}
              </Button>
              {member.isAdvocate && (
                <Button type="submit" name="intent" value="revokeAdvocate" variant="secondary">
                  Revoke advocate status
                </Button>
              )}
            </div>
          </Form>
        </section>
      )}

      {moderation?.staffNotes && (
        <>
          <SanctionTools member={moderation} errors={actionData ?? null} />
          <StaffNotes member={moderation} errors={actionData ?? null} />
        </>
      )}

      <ProfileSection id="badges" title="Badges">
        <MemberBadges badges={member.badges} ownProfile={ownProfile} />
      </ProfileSection>

      <ProfileSection id="privileges" title="Privileges">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <PrivilegesList reputation={member.reputation} held={member.privileges.held} next={member.privileges.next} />
        </div>
      </ProfileSection>

      <ProfileSection id="solutions" title="Solutions">
        <SolutionList
          solutions={solutions.edges.map((e) => e.node)}
          nextHref={nextPage(solutions.pageInfo, 'solutionsAfter')}
        />
      </ProfileSection>

      <ProfileSection id="articles" title="Knowledge articles">
        <ArticleCreditList
          articles={member.knowledgeArticles.edges.map((e) => e.node)}
          nextHref={nextPage(member.knowledgeArticles.pageInfo, 'articlesAfter')}
        />
      </ProfileSection>

      <ProfileSection id="history" title="Reputation history">
        <ReputationHistory
          events={history.edges.map((e) => e.node)}
          nextHref={nextPage(history.pageInfo, 'after')}
          ownProfile={ownProfile}
        />
      </ProfileSection>

      <ProfileSection id="questions" title="Questions">
        <ThreadList threads={threads} />
        {questionsNext && (
          <Link to={questionsNext} className="mt-4 block text-center text-sm text-brand-700 hover:underline">
            More →
          </Link>
        )}
      </ProfileSection>
    </div>
  );
}

/** A titled part of the profile; the heading names the section for assistive technology. */
function ProfileSection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Where an advocate champions: null is every category; none visible to this viewer says just "Advocate". */
function advocateScope(categories: { name: string }[] | null | undefined): string {
  if (!categories) return 'Advocate in every category';
  return categories.length > 0 ? `Advocate in ${categories.map((c) => c.name).join(', ')}` : 'Advocate';
}
