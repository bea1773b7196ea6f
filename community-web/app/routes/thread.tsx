import { useEffect, useRef } from 'react';
import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation } from 'react-router';
import { isConfirmed } from '../components/ui/confirm';
import { Button, FormMessage } from '../components/ui/field';
import { Composer } from '../features/composer/composer';
import { api, query } from '../graphql/client.server';
import { CreateArticleMutation } from '../features/knowledge/documents';
import { threadArticleNote } from '../features/knowledge/wording';
import {
  AcceptMutation,
  DeletePostMutation,
  EditPostMutation,
  PostReplyMutation,
  RecordViewMutation,
  RemovePostMutation,
  SetStatusMutation,
  StaffPickMutation,
  ThreadQuery,
  UnacceptMutation,
  VoteMutation,
  WithdrawStaffPickMutation,
} from '../graphql/documents';
import type {
  CloseReason,
  FlagReason,
  PinScope,
  RemovalReason,
  ThreadStatus,
  VoteValue,
} from '../graphql/generated/graphql';
import { timeAgo } from '../features/forum/format';
import { PostCard, type PostActionErrors } from '../features/forum/post-card';
import { PinnedBadge, StatusBadge, Tag } from '../features/forum/status-badge';
import { isBotRequest } from '../lib/bots.server';
import { formErrors, statusFor } from '../lib/form-errors';
import { isIdParam, routeParam } from '../lib/route-params';
import { readToken } from '../lib/session.server';
import { sameOriginAction } from '../lib/same-origin.server';
import type { Route } from './+types/thread';
import { formatCount } from '../lib/plural';
import { ThreadRelatedQuery } from '../features/search/documents';
import { RelatedList } from '../features/search/related-list';
import {
  CloseThreadMutation,
  FlagPostMutation,
  HidePostMutation,
  LockThreadMutation,
  MergeThreadMutation,
  MoveThreadMutation,
  PinThreadMutation,
  ReopenThreadMutation,
  UnhidePostMutation,
  UnlockThreadMutation,
  UnpinThreadMutation,
} from '../features/moderation/documents';
import { ThreadTools } from '../features/moderation/thread-tools';
import { threadIdFrom } from '../features/moderation/thread-ref';
import { ThreadNotices } from '../features/moderation/thread-notices';
import { sanctionText } from '../features/moderation/sanction-banner';
import { WatchControls } from '../features/notifications/watch-controls';
import { EscalateThreadMutation } from '../features/escalations/documents';
import { EscalationBanner, isActive, NeedsStaffForm } from '../features/escalations/thread-escalation';
import { useViewer } from '../root';

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.thread?.title ?? 'Thread'} · Hearth` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const id = routeParam(params.id, isIdParam);
  const after = new URL(request.url).searchParams.get('after');
  // Related content comes beside the thread's query and never fails the page.
  const related = api(request, ThreadRelatedQuery, { id }).then(
    (r) => r.data?.thread?.related ?? [],
    () => [],
  );
  const { data: result, headers } = await query(request, ThreadQuery, { id, after }, { routeParams: ['id'] });
  // Count the view without delaying or failing the page; crawlers' and other bots' loads are not views.
  if (!isBotRequest(request)) void api(request, RecordViewMutation, { threadId: id }).catch(() => {});
  return data({ ...result, related: await related }, { headers });
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');
/** An optional text field: empty is "not given". */
const optional = (form: FormData, name: string) => text(form, name).trim() || null;

export const action = sameOriginAction(async ({ request, params }: Route.ActionArgs) => {
  routeParam(params.id, isIdParam);
  const form = await request.formData();
  const intent = text(form, 'intent');
  const postId = text(form, 'postId');
  const here = `/t/${params.id}`;
  if (!(await readToken(request))) {
    throw redirect(`/login?redirectTo=${encodeURIComponent(here)}`);
  }

  const fail = (error: { code: string; message: string; fields: Record<string, string> }) => {
    if (error.code === 'UNAUTHENTICATED') throw redirect(`/login?redirectTo=${encodeURIComponent(here)}`);
    return data({ intent, postId, ...formErrors(error), error: error.message }, { status: statusFor(error) });
  };

  switch (intent) {
    case 'reply': {
      const res = await api(request, PostReplyMutation, { input: { threadId: params.id, body: text(form, 'body') } });
      if (res.error) return fail(res.error);
      throw redirect(`${here}#post-${res.data.postReply.id}`);
    }
    case 'vote': {
      const value = text(form, 'value') as VoteValue;
      const res = await api(request, VoteMutation, { input: { postId, value } });
      if (res.error) return fail(res.error);
      // With JavaScript the fetcher keeps the page in place; without it, post/redirect/get.
      if (form.get('_js')) return { intent, postId, score: res.data.vote.score, viewerVote: res.data.vote.viewerVote };
      throw redirect(`${here}#post-${postId}`);
    }
    case 'accept': {
      const res = await api(request, AcceptMutation, { postId });
      if (res.error) return fail(res.error);
      throw redirect(`${here}#post-${postId}`);
    }
    case 'unaccept': {
      const res = await api(request, UnacceptMutation, { threadId: params.id });
      if (res.error) return fail(res.error);
      throw redirect(here);
    }
    case 'edit': {
      const title = form.get('title');
      const tags = form.get('tags');
      const res = await api(request, EditPostMutation, {
        input: {
          postId,
          body: text(form, 'body'),
          title: title === null ? undefined : String(title),
          tags: tags === null ? undefined : splitTags(String(tags)),
          reason: text(form, 'reason') || null,
        },
      });
      if (res.error) return fail(res.error);
      throw redirect(`${here}#post-${postId}`);
    }
    case 'delete': {
      if (!isConfirmed(form)) return askToConfirm(form);
      const res = await api(request, DeletePostMutation, { postId });
      if (res.error) return fail(res.error);
      throw redirect(form.get('isQuestion') ? '/' : here);
    }
    case 'remove': {
      if (!isConfirmed(form)) return askToConfirm(form);
      const res = await api(request, RemovePostMutation, {
        input: { postId, reason: text(form, 'reason') as RemovalReason },
      });
      if (res.error) return fail(res.error);
      throw redirect(form.get('isQuestion') ? '/' : here);
    }
    case 'staffPick': {
      const res = await api(request, StaffPickMutation, { postId });
      if (res.error) return fail(res.error);
      throw redirect(`${here}#post-${postId}`);
    }
    case 'withdrawStaffPick': {
      const res = await api(request, WithdrawStaffPickMutation, { postId });
      if (res.error) return fail(res.error);
      throw redirect(`${here}#post-${postId}`);
    }
    case 'makeArticle': {
      const res = await api(request, CreateArticleMutation, { input: { postId } });
      if (res.error) return fail(res.error);
      throw redirect(`/kb/${res.data.createArticle.id}/edit`);
    }
    case 'status': {
      const res = await api(request, SetStatusMutation, {
        input: { threadId: params.id, status: text(form, 'status') as ThreadStatus },
      });
      if (res.error) return fail(res.error);
      throw redirect(here);
    }
    case 'flag': {
      const res = await api(request, FlagPostMutation, {
        input: { postId, reason: text(form, 'reason') as FlagReason, note: optional(form, 'note') },
      });
      if (res.error) return fail(res.error);
      throw redirect(`${here}#post-${postId}`);
    }
    case 'hide': {
      const res = await api(request, HidePostMutation, { input: { postId, reason: text(form, 'reason') } });
      if (res.error) return fail(res.error);
      throw redirect(`${here}#post-${postId}`);
    }
    case 'unhide': {
      const res = await api(request, UnhidePostMutation, { input: { postId, reason: optional(form, 'reason') } });
      if (res.error) return fail(res.error);
      throw redirect(`${here}#post-${postId}`);
    }
    case 'lock': {
      const res = await api(request, LockThreadMutation, {
        input: { threadId: params.id, reason: text(form, 'reason') },
      });
      if (res.error) return fail(res.error);
      throw redirect(here);
    }
    case 'unlock': {
      const res = await api(request, UnlockThreadMutation, {
        input: { threadId: params.id, reason: optional(form, 'reason') },
      });
      if (res.error) return fail(res.error);
      throw redirect(here);
    }
    case 'reopen': {
      const res = await api(request, ReopenThreadMutation, {
        input: { threadId: params.id, reason: optional(form, 'reason') },
      });
      if (res.error) return fail(res.error);
      throw redirect(here);
    }
    case 'close': {
      const reason = text(form, 'reason') as CloseReason;
      const original = optional(form, 'duplicateOf');
      const res = await api(request, CloseThreadMutation, {
        input: {
          threadId: params.id,
          reason,
          duplicateOfId: reason === 'DUPLICATE' && original ? threadIdFrom(original) : null,
          note: optional(form, 'note'),
        },
      });
      if (res.error) return fail(res.error);
      throw redirect(here);
    }
    case 'move': {
      const res = await api(request, MoveThreadMutation, {
        input: { threadId: params.id, categoryId: text(form, 'categoryId'), reason: text(form, 'reason') },
      });
      if (res.error) return fail(res.error);
      throw redirect(here);
    }
    case 'merge': {
      const res = await api(request, MergeThreadMutation, {
        input: { threadId: params.id, intoThreadId: threadIdFrom(text(form, 'into')), reason: text(form, 'reason') },
      });
      if (res.error) return fail(res.error);
      throw redirect(`/t/${res.data.mergeThread.into.id}`);
    }
    case 'escalate': {
      const res = await api(request, EscalateThreadMutation, {
        input: { threadId: params.id, reason: optional(form, 'reason') },
      });
      if (res.error) return fail(res.error);
      // The asker and staff see the banner after the reload; an advocate (who does not) is told here.
      return { intent, postId, form: null, fields: {}, escalated: true };
    }
    case 'pin': {
      const res = await api(request, PinThreadMutation, {
        input: { threadId: params.id, scope: text(form, 'scope') as PinScope, reason: optional(form, 'reason') },
      });
      if (res.error) return fail(res.error);
      throw redirect(here);
    }
    case 'unpin': {
      const res = await api(request, UnpinThreadMutation, { threadId: params.id });
      if (res.error) return fail(res.error);
      throw redirect(here);
    }
    default:
      return data({ intent, postId, form: 'Unknown action.', fields: {}, error: 'Unknown action.' }, { status: 400 });
  }
});

/**
 * The answer to a destructive submission that was not confirmed (without JavaScript the button
 * submits directly): nothing is done; the post shows a confirmation step that sends it again.
 */
function askToConfirm(form: FormData) {
  const fields: Record<string, string> = {};
  for (const name of ['intent', 'postId', 'isQuestion', 'reason']) {
    const value = form.get(name);
    if (typeof value === 'string') fields[name] = value;
  }
  return { intent: fields.intent, postId: fields.postId, form: null, fields: {}, confirm: { fields } };
}

export const splitTags = (value: string) =>
  value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

function BookIcon() {
  return (
    <svg
      aria-hidden
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      className="mr-1.5 inline-block align-[-3px]"
    >
      <path d="M2.5 3.5c2-1 4-1 5.5 0v10c-1.5-1-3.5-1-5.5 0zM13.5 3.5c-2-1-4-1-5.5 0v10c1.5-1 3.5-1 5.5 0z" />
    </svg>
  );
}

/**
 * The reply box. Without JavaScript the post/redirect/get after a reply leaves an empty box; with
 * it the page stays mounted, so the box is emptied once a reply went through (the action
 * redirected) and keeps its text when the action answered with an error.
 */
function ReplyForm({ threadId, errors }: { threadId: string; errors: PostActionErrors | null }) {
  const form = useRef<HTMLFormElement>(null);
  const navigation = useNavigation();
  const sending = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'reply';
  const wasSending = useRef(false);
  useEffect(() => {
    if (sending) wasSending.current = true;
    else if (navigation.state === 'idle' && wasSending.current) {
      wasSending.current = false;
      if (!errors) form.current?.reset();
    }
  }, [sending, navigation.state, errors]);
  return (
    <Form method="post" className="mt-3 space-y-3" ref={form}>
      <input type="hidden" name="intent" value="reply" />
      <Composer
        label="Reply (markdown)"
        name="body"
        rows={6}
        required
        error={errors?.fields.body}
        hint="At least 20 characters. Markdown: **bold**, `code`, lists, links; @handle mentions a member."
        draftKey={`reply:${threadId}`}
        submitFailed={!!errors}
      />
      <FormMessage message={errors?.form} />
      <Button type="submit" disabled={sending}>
        {sending ? 'Posting…' : 'Post reply'}
      </Button>
    </Form>
  );
}

/** The thread with its Related list: a sidebar on desktop, after the thread on phones. */
export default function ThreadPage() {
  const { related } = useLoaderData<typeof loader>();
  return (
    <div className={related.length > 0 ? 'grid gap-8 lg:grid-cols-[minmax(0,1fr)_16rem]' : undefined}>
      <div className="min-w-0">
        <ThreadMain />
      </div>
      {related.length > 0 && (
        <aside aria-label="Related" className="min-w-0 lg:pt-10">
          <RelatedList items={related} />
        </aside>
      )}
    </div>
  );
}

/** Intents that act on the thread rather than on one post: their errors show by the tools. */
const THREAD_INTENTS = new Set(['lock', 'unlock', 'close', 'reopen', 'move', 'merge', 'pin', 'unpin']);

function ThreadMain() {
  const { thread, categories } = useLoaderData<typeof loader>();
  const viewer = useViewer();
  const actionData = useActionData<typeof action>() as
    (PostActionErrors & { intent?: string; escalated?: boolean }) | undefined;
  if (!thread) return null;
  const accepted = thread.acceptedAnswer;
  const others = thread.replies.edges.map((e) => e.node).filter((p) => p.id !== accepted?.id);
  const replyErrors = actionData?.intent === 'reply' ? actionData : null;
  const threadErrors = actionData?.intent && THREAD_INTENTS.has(actionData.intent) ? actionData : null;
  const postErrors = actionData && actionData.intent !== 'reply' && !threadErrors ? actionData : null;
  // Staff may start an article from any answer while the thread has none.
  const canMakeArticle = thread.viewerCan.moderate && !thread.article;
  const note = thread.article && threadArticleNote(thread.article);
  const staff = !!viewer && viewer.role !== 'MEMBER';
  // "Needs staff": the asker, an advocate or staff, on an open question no agent is working yet.
  const canAskForStaff =
    !!viewer &&
    !viewer.sanction &&
    thread.status === 'OPEN' &&
    !isActive(thread.escalation) &&
    (staff || viewer.isAdvocate || thread.author.handle === viewer.handle);
  const escalateResult = actionData?.intent === 'escalate' ? actionData : null;

  return (
    <div className="space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link to="/" className="hover:text-slate-800">
            Home
          </Link>{' '}
          /{' '}
          <Link to={`/c/${thread.category.slug}`} className="hover:text-slate-800">
            {thread.category.name}
          </Link>
        </nav>
        <h1 className="mt-2 text-2xl font-bold leading-tight" data-testid="thread-title">
          {thread.title}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-500">
          <StatusBadge status={thread.status} />
          {thread.pinnedScope && <PinnedBadge scope={thread.pinnedScope} />}
          {thread.tags.map((tag) => (
            <Tag key={tag} tag={tag} href={`/c/${thread.category.slug}?tag=${encodeURIComponent(tag)}`} />
          ))}
          <span>
            asked <time dateTime={thread.createdAt}>{timeAgo(thread.createdAt)}</time> ·{' '}
            {formatCount(thread.viewCount, 'view')} · {formatCount(thread.replyCount, 'reply', 'replies')}
          </span>
        </div>
        {thread.routedTo && thread.routedTo.length > 0 && (
          <p className="mt-2 text-xs text-slate-500" data-testid="thread-routed-to">
            Routed to{' '}
            {thread.routedTo.map((r, i) => (
              <span key={r.member.handle}>
                {i > 0 && ', '}
                <Link to={`/u/${r.member.handle}`} title={r.reason} className="hover:text-slate-800">
                  @{r.member.handle}
                </Link>
              </span>
            ))}{' '}
            <span className="sr-only">(staff only)</span>
          </p>
        )}
        <ThreadTools thread={thread} categories={categories} error={threadErrors?.form} />
        {viewer && (
          <div className="mt-3">
            <WatchControls
              target="thread"
              id={thread.id}
              level={thread.viewerWatch}
              because={
                thread.question.author?.handle === viewer.handle
                  ? 'asked'
                  : [accepted, ...others].some((p) => p?.author?.handle === viewer.handle)
                    ? 'replied'
                    : null
              }
            />
          </div>
        )}
      </div>

      <ThreadNotices thread={thread} />

      {thread.escalation && <EscalationBanner escalation={thread.escalation} staff={staff} />}
      {escalateResult?.escalated ? (
        <p className="rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950" role="status">
          The support team was asked to take this question.
        </p>
      ) : (
        canAskForStaff && <NeedsStaffForm error={escalateResult?.form ?? escalateResult?.fields.reason} />
      )}

      {thread.article && note && (
        <p
          className={`rounded-lg border px-4 py-3 text-sm ${thread.article.state === 'PUBLISHED' ? 'border-emerald-200 bg-emerald-50 text-emerald-900' : 'border-indigo-200 bg-indigo-50 text-slate-800'}`}
          data-testid="thread-article"
        >
          <BookIcon />
          {note.lead}{' '}
          <Link to={`/kb/${thread.article.id}`} className="font-semibold underline underline-offset-2">
            {note.link || thread.article.title}
          </Link>
          {note.link && <span className="text-slate-700"> ({thread.article.title})</span>}
        </p>
      )}

      <PostCard post={thread.question} errors={postErrors} question={{ title: thread.title, tags: thread.tags }} />

      <section aria-labelledby="answers" className="space-y-4">
        <h2 id="answers" className="text-lg font-semibold">
          {formatCount(thread.replyCount, 'reply', 'replies')}
        </h2>
        {accepted && (
          <div>
            <PostCard post={accepted} errors={postErrors} makeArticle={canMakeArticle} />
            {thread.viewerCan.accept && (
              <Form method="post" className="mt-1 text-right">
                <input type="hidden" name="intent" value="unaccept" />
                <button
                  type="submit"
                  className="text-xs text-slate-500 hover:text-slate-900"
                  data-testid="unaccept-answer"
                >
                  Unaccept this solution
                </button>
              </Form>
            )}
          </div>
        )}
        {others.map((post) => (
          <PostCard key={post.id} post={post} errors={postErrors} makeArticle={canMakeArticle} />
        ))}
        {thread.replies.pageInfo.hasNextPage && thread.replies.pageInfo.endCursor && (
          <Link
            to={`?after=${encodeURIComponent(thread.replies.pageInfo.endCursor)}`}
            className="block text-center text-sm text-brand-700 hover:underline"
            rel="next"
          >
            More replies →
          </Link>
        )}
      </section>

      <section aria-labelledby="your-reply" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="your-reply" className="text-lg font-semibold">
          Your reply
        </h2>
        {thread.viewerCan.reply ? (
          <ReplyForm threadId={thread.id} errors={replyErrors} />
        ) : viewer?.sanction ? (
          <p className="mt-2 text-sm text-slate-700" data-testid="reply-sanctioned">
            {sanctionText(viewer.sanction)}. You can read, but not reply.
          </p>
        ) : !viewer && (thread.status === 'OPEN' || thread.status === 'ANSWERED') ? (
          <p className="mt-2 text-sm text-slate-600">
            <Link to={`/login?redirectTo=/t/${thread.id}`} className="font-medium text-brand-700 underline">
              Log in
            </Link>{' '}
            to reply.
          </p>
        ) : thread.status === 'OPEN' || thread.status === 'ANSWERED' ? (
          <p className="mt-2 text-sm text-slate-600">You cannot reply to this thread.</p>
        ) : (
          <p className="mt-2 text-sm text-slate-600">
            This thread is {thread.status.toLowerCase()}: it no longer accepts replies.
          </p>
        )}
      </section>
    </div>
  );
}
