import {
  allow,
  defineRules,
  deny,
  isStaffViewer,
  mayWrite,
  needsReputation,
  readRule,
  type Decision,
  type Viewer,
} from '../../platform/authz/guardian.js';
import { isNewMember, PRIVILEGES } from '../reputation/privileges.js';
import { CategoryKind, type Category } from './category.entity.js';
import type { Post } from './post.entity.js';
import { ThreadStatus, type Thread } from './thread.entity.js';

export interface PostInThread {
  post: Post;
  thread: Thread;
}

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    'category.manage': null;
    'category.post': Category;
    'thread.reply': Thread;
    'thread.accept': Thread;
    /** Close or reopen: staff, and members with the close/reopen privilege. */
    'thread.close': Thread;
    /** Lock and unlock: staff only. */
    'thread.moderate': Thread;
    /** Move to another category, merge into another thread, pin and unpin: staff only. */
    'thread.move': Thread;
    'thread.merge': Thread;
    'thread.pin': Thread;
    'post.vote': PostInThread & { value: -1 | 0 | 1 };
    'post.edit': PostInThread;
    'post.delete': PostInThread;
    /** Removing a post for a reason, restoring a deleted one, and listing removed posts. */
    'post.remove': PostInThread;
    'post.restore': PostInThread;
    'post.listRemoved': null;
    /** Hiding a post pending review, or showing it again (moderators). */
    'post.hide': PostInThread;
    /** Flagging someone else's post for review (the flag privilege). */
    'post.flag': PostInThread;
    /** Picking an answer as exemplary, or withdrawing the pick. */
    'post.staffPick': PostInThread;
    /** Using tags no live thread has yet. */
    'tag.create': { tags: string[] };
    /** A post body's outgoing links, counted. */
    'post.links': { count: number };
  }
}

const locked = (thread: Thread, viewer: Viewer | null): Decision | null =>
  thread.status === ThreadStatus.LOCKED && !isStaffViewer(viewer)
    ? deny('This thread is locked: it can no longer be changed.')
    : null;

/** A thread merged into another is a pointer to it: the conversation goes on there. */
const merged = (thread: Thread): Decision | null =>
  thread.mergedIntoId ? deny('This thread was merged into another one: reply there.') : null;

const onlyModerators = (viewer: Viewer | null, doing: string): Decision | null =>
  isStaffViewer(viewer) ? null : deny(`Only moderators can ${doing}.`);

/** Staff and advocates enter restricted categories (the advocates' lounge). */
export const mayEnterRestricted = (viewer: Viewer | null): boolean => isStaffViewer(viewer) || !!viewer?.isAdvocate;

/** Whether the viewer is an advocate for this category (an advocate without a scope is one everywhere). */
export const advocatesIn = (viewer: Viewer, categoryId: number): boolean =>
  viewer.isAdvocate && (viewer.advocateCategoryIds === null || viewer.advocateCategoryIds.includes(categoryId));

export const communityRules = defineRules({
  'category.manage': (viewer) =>
    mayWrite(viewer, 'manage categories') ??
    (viewer?.role === 'ADMIN' ? allow() : deny('Only administrators can manage categories.')),

  'category.post': (viewer, category) => {
    const refused = mayWrite(viewer, 'ask a question');
    if (refused) return refused;
    if (isStaffViewer(viewer)) return allow();
    if (category.kind === CategoryKind.ANNOUNCEMENTS) {
      return deny(`Only staff can start threads in ${category.name}.`);
    }
    if (category.kind === CategoryKind.RESTRICTED && !mayEnterRestricted(viewer)) {
      return deny(`${category.name} is restricted: you don't have access to it.`);
    }
    return allow();
  },

  'thread.reply': (viewer, thread) =>
    mayWrite(viewer, 'reply') ??
    merged(thread) ??
    locked(thread, viewer) ??
    (thread.status === ThreadStatus.CLOSED && !isStaffViewer(viewer)
      ? deny('This thread is closed: it no longer accepts replies.')
      : allow()),

  'thread.accept': (viewer, thread) =>
    mayWrite(viewer, 'accept an answer') ??
    locked(thread, viewer) ??
    (thread.status === ThreadStatus.CLOSED && !isStaffViewer(viewer)
      ? deny('This thread is closed: its solution can no longer change.')
      : thread.authorId === viewer?.id || isStaffViewer(viewer)
        ? allow()
        : !viewer?.isAdvocate
          ? deny('Only the person who asked, an advocate or a moderator can accept an answer.')
          : advocatesIn(viewer, thread.categoryId)
            ? allow()
            : deny('Advocates accept answers in their own categories, and this thread is in another one.')),

  'thread.close': (viewer, thread, settings) =>
    mayWrite(viewer, 'close or reopen threads') ??
    locked(thread, viewer) ??
    needsReputation(viewer!, settings.privileges.closeReopen, PRIVILEGES.closeReopen.doing) ??
    allow(),

  'thread.moderate': (viewer) =>
    mayWrite(viewer, 'moderate') ??
    (isStaffViewer(viewer) ? allow() : deny('Only moderators can lock or unlock a thread.')),

  'thread.move': (viewer) =>
    mayWrite(viewer, 'move threads') ?? onlyModerators(viewer, 'move threads to another category') ?? allow(),

  'thread.merge': (viewer) => mayWrite(viewer, 'merge threads') ?? onlyModerators(viewer, 'merge threads') ?? allow(),

  'thread.pin': (viewer) => mayWrite(viewer, 'pin threads') ?? onlyModerators(viewer, 'pin threads') ?? allow(),

  'post.vote': (viewer, { post, thread, value }, settings) =>
    mayWrite(viewer, 'vote') ??
    locked(thread, viewer) ??
    (post.authorId === viewer?.id ? deny("You can't vote on your own post.") : null) ??
    // Taking a vote back is always allowed.
    (value === 1
      ? needsReputation(viewer!, settings.privileges.upvote, PRIVILEGES.upvote.doing)
      : value === -1
        ? needsReputation(viewer!, settings.privileges.downvote, PRIVILEGES.downvote.doing)
        : null) ??
    allow(),

  'post.edit': (viewer, { post, thread }, settings) =>
    mayWrite(viewer, 'edit') ??
    locked(thread, viewer) ??
    (post.authorId === viewer?.id
      ? allow()
      : (needsReputation(viewer!, settings.privileges.editOthers, PRIVILEGES.editOthers.doing) ?? allow())),

  'post.delete': (viewer, { post, thread }) =>
    mayWrite(viewer, 'delete') ??
    locked(thread, viewer) ??
    (post.authorId === viewer?.id || isStaffViewer(viewer)
      ? allow()
      : deny('Only the author (or a moderator) can delete this post.')),

  'post.remove': (viewer, { thread }) =>
    mayWrite(viewer, 'remove posts') ?? locked(thread, viewer) ?? onlyModerators(viewer, 'remove posts') ?? allow(),

  'post.restore': (viewer) => mayWrite(viewer, 'restore posts') ?? onlyModerators(viewer, 'restore posts') ?? allow(),

  'post.listRemoved': readRule((viewer) => onlyModerators(viewer, 'see removed posts') ?? allow()),

  'post.hide': (viewer, { thread }) =>
    mayWrite(viewer, 'hide posts') ??
    onlyModerators(viewer, 'hide or unhide posts') ??
    locked(thread, viewer) ??
    allow(),

  'post.flag': (viewer, { post }, settings) =>
    mayWrite(viewer, 'flag posts') ??
    (post.authorId === viewer?.id ? deny("You can't flag your own post.") : null) ??
    needsReputation(viewer!, settings.privileges.flag, PRIVILEGES.flag.doing) ??
    allow(),

  'post.staffPick': (viewer, { post }) =>
    mayWrite(viewer, 'pick answers') ??
    onlyModerators(viewer, 'pick answers') ??
    (post.authorId === viewer?.id ? deny("You can't staff-pick your own answer.") : allow()),

  'tag.create': (viewer, { tags }, settings) =>
    mayWrite(viewer, 'create tags') ??
    (tags.length === 0
      ? allow()
      : (needsReputation(
          viewer!,
          settings.privileges.createTags,
          `${PRIVILEGES.createTags.doing} (${tags.map((t) => `“${t}”`).join(', ')} ${tags.length === 1 ? 'is' : 'are'} new)`,
        ) ?? allow())),

  'post.links': (viewer, { count }, settings) => {
    const refused = mayWrite(viewer, 'post');
    if (refused) return refused;
    const max = settings.newMembers.maxLinksPerPost;
    if (count <= max || !isNewMember(settings, viewer!)) return allow();
    return deny(
      `New members can include at most ${max} links in a post; this one has ${count}. ` +
        `The limit lifts when you reach ${settings.privileges.upvote} reputation or your account is ` +
        `${settings.newMembers.trustedAfterDays} days old.`,
    );
  },
});
