import {
  allow,
  defineRules,
  deny,
  isStaffViewer,
  needLogin,
  type Decision,
  type Viewer,
} from '../../platform/authz/guardian.js';
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
    'thread.moderate': Thread;
    'post.vote': PostInThread;
    'post.edit': PostInThread;
    'post.delete': PostInThread;
  }
}

const signedIn = (viewer: Viewer | null, doing: string): Decision | null =>
  viewer ? null : needLogin(`You need to log in to ${doing}.`);

const locked = (thread: Thread, viewer: Viewer | null): Decision | null =>
  thread.status === ThreadStatus.LOCKED && !isStaffViewer(viewer)
    ? deny('This thread is locked: it can no longer be changed.')
    : null;

defineRules({
  'category.manage': (viewer) =>
    signedIn(viewer, 'manage categories') ??
    (viewer?.role === 'ADMIN' ? allow() : deny('Only administrators can manage categories.')),

  'category.post': (viewer, category) => {
    const login = signedIn(viewer, 'ask a question');
    if (login) return login;
    if (isStaffViewer(viewer)) return allow();
    if (category.kind === CategoryKind.ANNOUNCEMENTS) {
      return deny(`Only staff can start threads in ${category.name}.`);
    }
    if (category.kind === CategoryKind.RESTRICTED) {
      return deny(`${category.name} is restricted: you don't have access to it.`);
    }
    return allow();
  },

  'thread.reply': (viewer, thread) =>
    signedIn(viewer, 'reply') ??
    locked(thread, viewer) ??
    (thread.status === ThreadStatus.CLOSED && !isStaffViewer(viewer)
      ? deny('This thread is closed: it no longer accepts replies.')
      : allow()),

  'thread.accept': (viewer, thread) =>
    signedIn(viewer, 'accept an answer') ??
    locked(thread, viewer) ??
    (thread.status === ThreadStatus.CLOSED && !isStaffViewer(viewer)
      ? deny('This thread is closed: its solution can no longer change.')
      : thread.authorId === viewer?.id || isStaffViewer(viewer)
        ? allow()
        : deny('Only the person who asked (or a moderator) can accept an answer.')),

  'thread.moderate': (viewer) =>
    signedIn(viewer, 'moderate') ??
    (isStaffViewer(viewer) ? allow() : deny('Only moderators can change the status of a thread.')),

  'post.vote': (viewer, { post, thread }) =>
    signedIn(viewer, 'vote') ??
    locked(thread, viewer) ??
    (post.authorId === viewer?.id ? deny("You can't vote on your own post.") : allow()),

  'post.edit': (viewer, { post, thread }) =>
    signedIn(viewer, 'edit') ??
    locked(thread, viewer) ??
    (post.authorId === viewer?.id || isStaffViewer(viewer)
      ? allow()
      : deny('Only the author (or a moderator) can edit this post.')),

  'post.delete': (viewer, { post, thread }) =>
    signedIn(viewer, 'delete') ??
    locked(thread, viewer) ??
    (post.authorId === viewer?.id || isStaffViewer(viewer)
      ? allow()
      : deny('Only the author (or a moderator) can delete this post.')),
});
