import { useState } from 'react';
import { Form, Link, useFetcher, useLocation, useSearchParams } from 'react-router';
import { ConfirmButton, ConfirmStep, type ConfirmText } from '../../components/ui/confirm';
import { Button, Field, FieldError, FormMessage } from '../../components/ui/field';
import { Composer } from '../composer/composer';
import { TagInput } from '../composer/tag-input';
import type { PostViewFragment } from '../../graphql/generated/graphql';
import { useHydrated } from '../../lib/use-hydrated';
import { BadgeCounts } from '../badges/badge-counts';
import { FlagControl, HideControl } from '../moderation/flag-form';
import { Avatar } from '../../components/ui/avatar';
import { AdvocateMark } from '../reputation/advocate-mark';
import { timeAgo } from './format';
import { formatCount } from '../../lib/plural';

export interface PostActionErrors {
  postId?: string;
  intent?: string;
  form: string | null;
  fields: Record<string, string>;
  /** An unconfirmed destructive submission (no JavaScript): its fields, to send again confirmed. */
  confirm?: { fields: Record<string, string> };
}

/** Up/down buttons that toggle (pressing your current vote retracts it); work without JavaScript. */
function VoteButtons({ post }: { post: PostViewFragment }) {
  const fetcher = useFetcher<{ score?: number; viewerVote?: string; error?: string }>();
  const hydrated = useHydrated();
  // A refused vote button stays focusable (aria-disabled, not disabled) so keyboard and screen
  // reader users can reach it and learn why; pressing it says so instead of submitting.
  const [explained, setExplained] = useState<string | null>(null);
  const pending = fetcher.formData;
  const optimistic = pending ? String(pending.get('value')) : (fetcher.data?.viewerVote ?? post.viewerVote);
  const score = pending
    ? post.score - voteValue(post.viewerVote) + voteValue(optimistic)
    : (fetcher.data?.score ?? post.score);
  const button = (direction: 'UP' | 'DOWN') => {
    const active = optimistic === direction;
    const permission = direction === 'UP' ? post.viewerCan.upvote : post.viewerCan.downvote;
    // Taking back your current vote is always allowed, even when casting it no longer is.
    const disabled = !post.viewerCan.vote || (!permission.allowed && !active);
    const reason = disabled ? (permission.reason ?? 'You cannot vote on this post.') : undefined;
    const reasonId = `vote-${direction.toLowerCase()}-why-${post.id}`;
    return (
      <>
        <button
          type="submit"
          name="value"
          value={active ? 'NONE' : direction}
          aria-disabled={disabled || undefined}
          onClick={(event) => {
            if (!reason) return;
            event.preventDefault();
            setExplained(reason);
          }}
          title={reason}
          aria-pressed={active}
          aria-label={`${direction === 'UP' ? 'Upvote' : 'Downvote'}${active ? ' (click to retract)' : ''}`}
          aria-describedby={reason ? reasonId : undefined}
          data-testid={`vote-${direction.toLowerCase()}`}
          className={`grid h-8 w-8 place-items-center rounded-md border text-sm ${
            active ? 'border-brand-500 bg-brand-50 text-brand-700' : 'border-slate-200 text-slate-500 hover:bg-slate-50'
          } ${disabled ? 'cursor-not-allowed opacity-40' : ''}`}
        >
          {direction === 'UP' ? '▲' : '▼'}
        </button>
        {reason && (
          <span id={reasonId} className="sr-only" data-testid={`vote-${direction.toLowerCase()}-reason`}>
            {reason}
          </span>
        )}
      </>
    );
  };
  return (
    <fetcher.Form method="post" className="flex flex-col items-center gap-1" aria-label="Vote">
      <input type="hidden" name="intent" value="vote" />
      <input type="hidden" name="postId" value={post.id} />
      {hydrated && <input type="hidden" name="_js" value="1" />}
      {button('UP')}
      <span className="text-sm font-semibold tabular-nums" data-testid="post-score" aria-live="polite">
        {score}
      </span>
      {button('DOWN')}
      {(explained ?? fetcher.data?.error) && (
        <p role="alert" className="w-24 text-center text-xs text-red-600" data-testid="vote-refused">
          {explained ?? fetcher.data?.error}
        </p>
      )}
    </fetcher.Form>
  );
}

const REMOVAL_REASONS = [
  { value: 'SPAM', label: 'Spam (−100 reputation)' },
  { value: 'ABUSE', label: 'Abuse (−100 reputation)' },
  { value: 'OFF_TOPIC', label: 'Off-topic' },
  { value: 'OTHER', label: 'Other' },
];

/** Moderators remove a post with a reason; a disclosure keeps it out of the way (no JavaScript needed). */
function RemoveForm({ post }: { post: PostViewFragment }) {
  return (
    <details className="inline-block">
      <summary className="cursor-pointer hover:text-red-700" data-testid="remove-post">
        Remove…
      </summary>
      <Form method="post" className="mt-2 flex items-center gap-2">
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="postId" value={post.id} />
        {post.isQuestion && <input type="hidden" name="isQuestion" value="1" />}
        <label className="text-slate-700">
          Reason{' '}
          <select name="reason" required className="rounded border border-slate-300 px-1 py-0.5">
            {REMOVAL_REASONS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <ConfirmButton
          text={REMOVE_TEXT}
          className="inline-flex items-center rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-semibold text-slate-700 hover:bg-slate-50"
        >
          Remove post
        </ConfirmButton>
      </Form>
    </details>
  );
}

const REMOVE_TEXT: ConfirmText = {
  title: 'Remove this post?',
  description:
    'It disappears from the thread for everyone but moderators. Removal as spam or abuse also costs its author 100 reputation. A moderator can restore it from Removed posts.',
  confirmLabel: 'Yes, remove',
};

const deleteText = (post: PostViewFragment): ConfirmText => ({
  title: post.isQuestion ? 'Delete this question?' : 'Delete this post?',
  description: post.isQuestion
    ? 'The question and its whole thread disappear from the community. Only a moderator can restore them.'
    : 'It disappears from the thread. Only a moderator can restore it.',
  confirmLabel: 'Yes, delete',
});

const voteValue = (v: string) => (v === 'UP' ? 1 : v === 'DOWN' ? -1 : 0);

/** An edited question's draft keeps its title and tags with the body. */
const EDIT_QUESTION_DRAFT_FIELDS = ['title', 'tags'] as const;

export function PostCard({
  post,
  errors,
  question,
  makeArticle = false,
}: {
  post: PostViewFragment;
  errors?: PostActionErrors | null;
  question?: { title: string; tags: string[] };
  /** Staff: offer "Make an article" from this answer (the thread has none yet). */
  makeArticle?: boolean;
}) {
  const [params] = useSearchParams();
  const location = useLocation();
  const editing = params.get('edit') === post.id && post.viewerCan.edit;
  const mine = errors?.postId === post.id ? errors : null;
  const revisionCount = post.revisions.length;
  return (
    <article
      id={`post-${post.id}`}
      data-testid={post.isQuestion ? 'question' : post.isAccepted ? 'accepted-answer' : 'reply'}
      className={`flex gap-4 rounded-lg border bg-white p-4 ${post.isAccepted ? 'border-emerald-300 ring-1 ring-emerald-200' : 'border-slate-200'}`}
    >
      <VoteButtons post={post} />
      <div className="min-w-0 flex-1">
        {(post.isAccepted || post.staffPickedAt) && (
          <p className="mb-2 flex flex-wrap gap-2">
            {post.isAccepted && (
              <span className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-700">
                ✓ Accepted solution
              </span>
            )}
            {post.staffPickedAt && (
              <span
                className="inline-flex items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-800"
                data-testid="staff-pick"
              >
                ★ Staff pick
              </span>
            )}
          </p>
        )}
        {post.isHidden && post.hiddenNotice && (
          <p
            className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            data-testid="hidden-notice"
          >
            {post.hiddenNotice}
          </p>
        )}
        {post.isHidden && !post.hiddenNotice ? (
          // Whoever may not read a hidden post gets a fixed text in its place: say it plainly.
          <p
            className="rounded-md bg-slate-100 px-3 py-2 text-sm italic text-slate-700"
            data-testid="hidden-placeholder"
          >
            This post is hidden pending review.
          </p>
        ) : editing ? (
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="edit" />
            <input type="hidden" name="postId" value={post.id} />
            {question && (
              <>
                <label className="block text-sm font-medium text-slate-700">
                  Title
                  <input
                    name="title"
                    defaultValue={question.title}
                    className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
                  />
                </label>
                <FieldError id={`edit-title-${post.id}`} error={mine?.fields.title} />
                <TagInput label="Tags" name="tags" defaultValue={question.tags.join(', ')} error={mine?.fields.tags} />
              </>
            )}
            <Composer
              label="Edit post"
              name="body"
              rows={8}
              defaultValue={post.body}
              error={mine?.fields.body}
              draftKey={`edit:${post.id}`}
              draftFields={question ? EDIT_QUESTION_DRAFT_FIELDS : undefined}
              submitFailed={!!mine}
            />
            <Field
              label="Edit reason (optional)"
              name="reason"
              maxLength={300}
              hint="Shown in the edit history, e.g. “fixed the link”."
              error={mine?.fields.reason}
            />
            <FormMessage message={mine?.form} />
            <div className="flex gap-2">
              <Button type="submit">Save edit</Button>
              <Link to="." className="rounded-md px-3 py-2 text-sm text-slate-600 hover:text-slate-900">
                Cancel
              </Link>
            </div>
          </Form>
        ) : (
          <div className="prose-post" data-testid="post-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        )}
        <footer className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-slate-500">
          <span>
            <Link to={`/u/${post.author.handle}`} className="font-medium text-slate-700 hover:underline">
              <Avatar url={post.author.avatarUrl} size={20} className="mr-1" />@{post.author.handle}
            </Link>
            {post.author.isAdvocate && <AdvocateMark />}
            {post.author.role !== 'MEMBER' && (
              <span className="ml-1 rounded bg-indigo-50 px-1 py-0.5 text-[10px] font-semibold uppercase text-indigo-700">
                {post.author.role === 'ADMIN' ? 'Admin' : 'Staff'}
              </span>
            )}{' '}
            · <span data-testid="author-level">{post.author.level.name}</span>{' '}
            <BadgeCounts counts={post.author.badgeCounts} /> ·{' '}
            <time dateTime={post.createdAt}>{timeAgo(post.createdAt)}</time>
            {post.editedAt && (
              <>
                {' · '}
                <Link
                  to={`/posts/${post.id}/revisions`}
                  className="underline underline-offset-2 hover:text-slate-900"
                  data-testid="edit-history-link"
                >
                  {revisionCount > 1 ? `edited ${formatCount(revisionCount - 1, 'time')}` : 'edited'}
                </Link>
              </>
            )}
          </span>
          {post.viewerCan.edit && !editing && (
            <Link to={`?edit=${post.id}#post-${post.id}`} className="hover:text-slate-900" data-testid="edit-post">
              Edit
            </Link>
          )}
          {post.viewerCan.staffPick && (
            <Form method="post" className="inline">
              <input type="hidden" name="intent" value={post.staffPickedAt ? 'withdrawStaffPick' : 'staffPick'} />
              <input type="hidden" name="postId" value={post.id} />
              <button type="submit" className="hover:text-slate-900" data-testid="staff-pick-toggle">
                {post.staffPickedAt ? 'Withdraw staff pick' : '★ Staff pick'}
              </button>
            </Form>
          )}
          {post.viewerCan.remove ? (
            <RemoveForm post={post} />
          ) : post.viewerCan.delete ? (
            <Form method="post" className="inline">
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="postId" value={post.id} />
              {post.isQuestion && <input type="hidden" name="isQuestion" value="1" />}
              <ConfirmButton text={deleteText(post)} className="hover:text-red-700" testId="delete-post">
                Delete
              </ConfirmButton>
            </Form>
          ) : null}
          <HideControl post={post} />
          {makeArticle && !post.isQuestion && (
            <Form method="post" className="inline">
              <input type="hidden" name="intent" value="makeArticle" />
              <input type="hidden" name="postId" value={post.id} />
              <button type="submit" className="hover:text-slate-900" data-testid="make-article">
                Make an article
              </button>
            </Form>
          )}
          {post.viewerCan.accept && (
            <Form method="post" className="inline">
              <input type="hidden" name="intent" value="accept" />
              <input type="hidden" name="postId" value={post.id} />
              <Button type="submit" variant="secondary" className="!px-2 !py-1 text-xs" data-testid="accept-answer">
                ✓ Accept as solution
              </Button>
            </Form>
          )}
          <FlagControl post={post} fieldErrors={mine?.intent === 'flag' ? mine.fields : undefined} />
        </footer>
        {!editing && mine?.form && (
          <div className="mt-2">
            <FormMessage message={mine.form} />
          </div>
        )}
        {mine?.confirm && (
          <ConfirmStep
            text={mine.confirm.fields.intent === 'remove' ? REMOVE_TEXT : deleteText(post)}
            fields={mine.confirm.fields}
            // The page again, as a GET (a link differing only by its #fragment would not reload it).
            cancelTo={`${location.pathname}${location.search}`}
          />
        )}
      </div>
    </article>
  );
}
