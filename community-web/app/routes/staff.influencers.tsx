import { data, Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { FormMessage } from '../components/ui/field';
import { timeAgo } from '../features/forum/format';
import { HiddenInfluencersQuery, NominateAdvocateMutation } from '../features/insights/documents';
import { formatScore, PART_LABEL } from '../features/insights/wording';
import { api, query } from '../graphql/client.server';
import { statusFor } from '../lib/form-errors';
import { sameOriginAction } from '../lib/same-origin.server';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/staff.influencers';

export const meta: Route.MetaFunction = () => [{ title: 'Hidden influencers · Hearth' }];

const HERE = '/staff/influencers';

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const { data: result, headers } = await query(request, HiddenInfluencersQuery, { first: 50 });
  return data({ influencers: result.hiddenInfluencers }, { headers });
}

export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const form = await request.formData();
  const memberId = String(form.get('memberId') ?? '');
  const res = await api(request, NominateAdvocateMutation, { memberId });
  if (res.error) return data({ memberId, message: res.error.message }, { status: statusFor(res.error) });
  throw redirect(`${HERE}#influencer-${memberId}`);
});

/**
 * Staff: members in the top tenth of influence (measured by outcomes: accepted answers, the
 * reach of what they solved, askers helped, rank) who are neither staff nor advocates, with the
 * parts of their score, and a one-click nomination for the advocate programme.
 */
export default function HiddenInfluencers() {
  const { influencers } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const computedAt = influencers[0]?.influence.computedAt;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">Hidden influencers</h1>
        <p className="mt-1 text-sm text-slate-600">
          Members in the top 10% of influence who are neither staff nor advocates. Influence counts outcomes, not
          activity: answers the askers accepted (halving in weight every 180 days), views of the threads they solved
          after the solution, distinct askers helped, and their rank among answerers. Score = Σ value × weight.
          {computedAt && (
            <>
              {' '}
              Computed <time dateTime={computedAt}>{timeAgo(computedAt)}</time>.
            </>
          )}
        </p>
      </div>
      {influencers.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          No hidden influencers: everyone in the top tenth is staff or an advocate already.
        </p>
      ) : (
        <ul className="space-y-3">
          {influencers.map((h) => (
            <li
              key={h.member.id}
              id={`influencer-${h.member.id}`}
              className="rounded-lg border border-slate-200 bg-white p-4"
              data-testid="hidden-influencer"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  <Link to={`/u/${h.member.handle}`} className="text-slate-900 hover:text-brand-700 hover:underline">
                    @{h.member.handle}
                  </Link>
                </h2>
                <p className="text-sm text-slate-700">
                  Influence <span className="font-semibold tabular-nums">{formatScore(h.influence.score)}</span> · #
                  {h.rank} of {h.outOf}
                </p>
              </div>
              <p className="mt-1 text-sm text-slate-700" data-testid="influencer-why">
                {h.why}
              </p>
              <div className="mt-3 overflow-x-auto">
                <table className="w-full min-w-[32rem] text-sm">
                  <caption className="sr-only">Parts of @{h.member.handle}’s influence</caption>
                  <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600">
                    <tr>
                      <th scope="col" className="px-3 py-2 font-semibold">
                        Part
                      </th>
                      <th scope="col" className="px-3 py-2 text-right font-semibold">
                        Value
                      </th>
                      <th scope="col" className="px-3 py-2 text-right font-semibold">
                        Weight
                      </th>
                      <th scope="col" className="px-3 py-2 text-right font-semibold">
                        Points
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {h.influence.parts.map((p) => (
                      <tr key={p.name}>
                        <th scope="row" className="px-3 py-2 text-left font-normal">
                          <span className="font-medium text-slate-900">{PART_LABEL[p.name] ?? p.name}</span>
                          <span className="block text-xs text-slate-600">{p.explanation}</span>
                        </th>
                        <td className="px-3 py-2 text-right tabular-nums">{formatScore(p.value)}</td>
                        <td className="px-3 py-2 text-right tabular-nums">× {formatScore(p.weight)}</td>
                        <td className="px-3 py-2 text-right font-medium tabular-nums">
                          {formatScore(p.value * p.weight)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="mt-3 flex flex-wrap items-center gap-3">
                {h.nominatedAt ? (
                  <p className="text-sm font-medium text-emerald-800" data-testid="nominated">
                    Nominated for the advocate programme <time dateTime={h.nominatedAt}>{timeAgo(h.nominatedAt)}</time>
                  </p>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="memberId" value={h.member.id} />
                    <button
                      type="submit"
                      className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
                    >
                      Nominate @{h.member.handle} as an advocate
                    </button>
                  </Form>
                )}
                {failure?.memberId === h.member.id && <FormMessage message={failure.message} />}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
