import { Member } from './accounts/member.entity.js';
import { Session } from './accounts/session.entity.js';
import { Category } from './community/category.entity.js';
import { PostRevision } from './community/post-revision.entity.js';
import { Post } from './community/post.entity.js';
import { Thread } from './community/thread.entity.js';

/** Every MikroORM entity; tables themselves come from migrations/. */
export const entities = [Member, Session, Category, Thread, Post, PostRevision];
