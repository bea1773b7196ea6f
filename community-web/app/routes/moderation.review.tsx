import { data, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { PageLinks } from '../components/ui/page-links';
import { api, query } from '../graphql/client.server';
import { graphql } from '../graphql/generated';
import type { ReviewDecision } from '../graphql/generated/graphql';
import { CapacityView } from '../features/moderation/capacity-view';
import { ReviewItemCard } from '../features/moderation/review-item-card';
import { statusFor } from '../lib/form-errors';
import { readToken } from '../lib/session.server';
import { sameOriginAction } from '../lib/same-origin.server';
import type { Route } from './+types/moderation.review';

export const meta: Route.MetaFunction = () => [{ title: 'Review queue · Hearth' }];

const HERE = '/moderation/review';

const ReviewQueueQuery = graphql(`
  query ReviewQueue($after: String) {
    reviewQueueStats {
      open
      oldestWaitingSeconds
      handledToday
      projectedClearSeconds
      byAge {
        bucket
        count
      }
      handledPerReviewer {
        reviewer {
          handle
        }
        count
      }
    }
    reviewQueue(first: 20, after: $after) {
      edges {
        node {
          ...ReviewItemView
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ClaimMutation = graphql(`
  mutation ClaimReviewItem($itemId: ID!) {
    claimReviewItem(itemId: $itemId) {
      id
    }
  }
`);

const ResolveMutation = graphql(`
  mutation ResolveReviewItem($input: ResolveReviewItemInput!) {
    resolveReviewItem(input: $input) {
      id
    }
  }
`);

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const params = new URL(request.url).searchParams;
  const { data: result, headers } = await query(request, ReviewQueueQuery, { after: params.get('after') });
  return data({ ...result, paged: params.has('after') }, { headers });
}

export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const itemId = String(form.get('itemId') ?? '');
  const back = `${HERE}${new URL(request.url).search}`;
  if (intent === 'claim') {
    const res = await api(request, ClaimMutation, { itemId });
    if (res.error) return data({ itemId, error: res.error.message }, { status: statusFor(res.error) });
    throw redirect(`${back}#item-${itemId}`);
  }
  const reason = String(form.get('reason') ?? '').trim();
  const res = await api(request, ResolveMutation, {
    input: { itemId, decision: String(form.get('decision') ?? '') as ReviewDecision, reason: reason || null },
  });
  if (res.error) return data({ itemId, error: res.error.message }, { status: statusFor(res.error) });
  throw redirect(back);
});

/**
 * The review queue, oldest first, under its capacity figures: each item's post, its flags and
 * its author's record; reviewers claim an item, then agree, disagree, ignore or escalate it.
 */
export default function ReviewQueue() {
  const { reviewQueue, reviewQueueStats, paged } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const items = reviewQueue.edges.map((e) => e.node);
  const href = (after: string | null) => (after ? `?after=${encodeURIComponent(after)}` : HERE);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Review queue</h1>
        <p className="mt-1 text-sm text-slate-600">
          Flagged and hidden posts, held sign-ups and reported articles, oldest first. Claim an item before you decide
          it: nobody else can act on it for ten minutes.
        </p>
      </div>
      <CapacityView stats={reviewQueueStats} />
      {items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700" data-testid="queue-empty">
          Nothing waits for review.
        </p>
      ) : (
        <ol className="space-y-4">
          {items.map((item) => (
            <ReviewItemCard key={item.id} item={item} error={failed?.itemId === item.id ? failed.error : null} />
          ))}
        </ol>
      )}
      <PageLinks pageInfo={reviewQueue.pageInfo} href={href} paged={paged} label="Review queue pages" />
      <p className="text-sm">
        <Link to="/moderation/audit?kind=review.resolved" className="text-brand-700 hover:underline">
          Decisions in the audit log
        </Link>
      </p>
    </div>
  );
}
