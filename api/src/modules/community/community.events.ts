/** A thread's status and what goes with it, before and after a moderator's action. */
export interface ThreadStatusState {
  status: string;
  closeReason: string | null;
  duplicateOfId: number | null;
  closeNote: string | null;
}

/** A category's settings, before and after an admin's change (slowModeSeconds from 2026-12-04 on, answerTargetMinutes from 2026-12-06 on). */
export interface CategoryState {
  slug: string;
  name: string;
  description: string;
  kind: string;
  position: number;
  slowModeSeconds?: number;
  answerTargetMinutes?: number | null;
}

/**
 * What the forum announces. Each command records one of these in its transaction; subscribers
 * (badges, and next search, knowledge, notifications, webhooks) react after commit. Data holds
 * what a subscriber needs without reading the rows again, and, for changes, before and after.
 */
declare module '../../platform/events/events.js' {
  interface EventData {
    'thread.created': {
      threadId: number;
      postId: number;
      categoryId: number;
      authorId: number;
      title: string;
      tags: string[];
    };
    'post.created': { postId: number; threadId: number; categoryId: number; authorId: number };
    'post.edited': {
      postId: number;
      threadId: number;
      authorId: number;
      isQuestion: boolean;
      revision: number;
      /** Fields that changed, with their previous values (the body's is in the previous revision). */
      changed: ('body' | 'title' | 'tags')[];
      before: { title?: string; tags?: string[] };
      /** The post was hidden pending review when edited (review takes it up again). */
      hidden?: boolean;
    };
    /** A post hidden pending review, by a moderator or (byId null) by the weight of its flags. */
    'post.hidden': {
      postId: number;
      threadId: number;
      authorId: number;
      isQuestion: boolean;
      byId: number | null;
      reason: string;
      before: { hidden: false };
      after: { hidden: true; reason: string };
    };
    'post.unhidden': {
      postId: number;
      threadId: number;
      authorId: number;
      isQuestion: boolean;
      reason: string | null;
      before: { hidden: true; reason: string };
      after: { hidden: false };
    };
    'post.deleted': { postId: number; threadId: number; authorId: number; isQuestion: boolean; wasAccepted: boolean };
    'post.removed': {
      postId: number;
      threadId: number;
      authorId: number;
      isQuestion: boolean;
      wasAccepted: boolean;
      reason: string;
    };
    'post.restored': { postId: number; threadId: number; authorId: number; isQuestion: boolean };
    'post.voted': {
      postId: number;
      threadId: number;
      authorId: number;
      /** The vote now (1, -1, or 0 when taken back) and before. */
      value: number;
      previous: number;
      scoreBefore: number;
      score: number;
    };
    'answer.accepted': {
      threadId: number;
      postId: number;
      answerAuthorId: number;
      askerId: number;
      /** The solution it replaced, if any. */
      previousPostId: number | null;
    };
    'answer.unaccepted': { threadId: number; postId: number; answerAuthorId: number };
    'post.staff_picked': { postId: number; threadId: number; authorId: number };
    'post.staff_pick_withdrawn': { postId: number; threadId: number; authorId: number };
    'thread.status_changed': {
      threadId: number;
      from: string;
      to: string;
      /** Moderator actions (lock, unlock, close, reopen) say why, and what changed around the status. */
      action?: 'lock' | 'unlock' | 'close' | 'reopen';
      reason?: string | null;
      before?: ThreadStatusState;
      after?: ThreadStatusState;
    };
    'thread.moved': {
      threadId: number;
      authorId: number;
      reason: string;
      before: { categoryId: number };
      after: { categoryId: number };
    };
    'thread.merged': {
      threadId: number;
      intoThreadId: number;
      reason: string;
      /** The replies that moved (deleted ones too: a restore brings them back in the target). */
      movedPostIds: number[];
      before: {
        replyCount: number;
        intoReplyCount: number;
        intoAcceptedPostId: number | null;
        acceptedPostId: number | null;
      };
      after: { replyCount: number; intoReplyCount: number; intoAcceptedPostId: number | null };
    };
    'thread.pinned': {
      threadId: number;
      categoryId: number;
      reason: string | null;
      before: { scope: string | null };
      after: { scope: string };
    };
    'thread.unpinned': {
      threadId: number;
      categoryId: number;
      reason: string | null;
      before: { scope: string };
      after: { scope: null };
    };
    'category.created': { categoryId: number; slug: string; name: string; kind: string };
    'category.changed': {
      categoryId: number;
      before: CategoryState;
      after: CategoryState;
    };
    /** The display order of every category, as ids, before and after an admin reordered them. */
    'categories.reordered': { before: { order: number[] }; after: { order: number[] } };
    'tags.created': { tags: string[] };
  }
}

export {};
