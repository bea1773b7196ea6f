import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../graphql/pagination.js';
import { Category } from '../community/category.entity.js';
import { Thread } from '../community/thread.entity.js';
import {
  EMAIL_MODES,
  NOTIFICATION_KINDS,
  type EmailMode,
  type NotificationKind as Kind,
} from './notification-kinds.js';

/** The GraphQL enums mirror the kinds and modes in notification-kinds.ts (one list of names). */
export const NotificationKind = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k])) as { [K in Kind]: K };
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description:
    'REPLY: an answer to your question. FOLLOWED_REPLY: a reply in a thread or category you follow. NEW_THREAD: a question in a category you follow. MENTION: someone @mentioned you. ANSWER_ACCEPTED, STAFF_PICKED, ARTICLE_FROM_ANSWER: outcomes of your answers. BADGE_AWARDED, LEVEL_REACHED: what you earned. POST_MODERATED: your post was hidden, shown again, removed or restored. FLAG_RESOLVED: moderators decided on your flag. SANCTION: you were silenced or suspended, or it ended. QUESTION_ROUTED: a new question you may be able to answer (from your recent accepted answers in its tags or category). WEBHOOK_DISABLED (administrators): a webhook endpoint was disabled after a 410 or days of failures.',
});

export const EmailModeEnum = Object.fromEntries(EMAIL_MODES.map((m) => [m, m])) as { [M in EmailMode]: M };
registerEnumType(EmailModeEnum, {
  name: 'NotificationEmailMode',
  description: 'IMMEDIATELY: within minutes. DAILY_DIGEST: gathered in one email a day. NEVER: in the app only.',
});

export enum WatchLevel {
  FOLLOWING = 'FOLLOWING',
  MUTED = 'MUTED',
}
registerEnumType(WatchLevel, {
  name: 'WatchLevel',
  description: 'FOLLOWING: told of every reply (or new thread in a category). MUTED: told of nothing there.',
});

@ObjectType({ description: 'Something the viewer was told of.', simpleResolvers: true })
export class Notification {
  @Field(() => ID) id!: string;
  @Field(() => NotificationKind) kind!: Kind;
  @Field(() => Date, { nullable: true, description: 'When the viewer read it; null while unread.' })
  readAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { description: 'A sentence saying what happened, e.g. “alice answered your question “…””.' })
  message!: string;
  @Field(() => String, { description: 'Where it leads in the web app (a thread, a post in it, an article, a page).' })
  path!: string;
  actorId!: number | null;
  threadId!: number | null;
  postId!: number | null;
}

export const NotificationConnection = connectionType(Notification, 'Notification');

@ObjectType({ simpleResolvers: true })
export class MarkNotificationsReadPayload {
  @Field(() => Int, { description: 'Notifications marked read now.' }) marked!: number;
  @Field(() => Int) unreadNotificationCount!: number;
}

@ObjectType({ simpleResolvers: true })
export class ThreadWatchPayload {
  @Field(() => Thread) thread!: Thread;
}

@ObjectType({ simpleResolvers: true })
export class CategoryWatchPayload {
  @Field(() => Category) category!: Category;
}

@ObjectType({ description: 'How one kind of notification reaches the viewer by email.', simpleResolvers: true })
export class NotificationPreference {
  @Field(() => NotificationKind) kind!: Kind;
  @Field(() => EmailModeEnum) email!: EmailMode;
  @Field(() => Boolean, { description: 'The default applies (the viewer chose nothing for this kind).' })
  isDefault!: boolean;
  @Field(() => Boolean, {
    description: 'False: the viewer turned this kind off, in the app and by email (only kinds with canTurnOff).',
  })
  enabled!: boolean;
  @Field(() => Boolean, {
    description: 'Whether this kind may be turned off (QUESTION_ROUTED); the others always show.',
  })
  canTurnOff!: boolean;
}

@InputType()
export class NotificationPreferenceInput {
  @Field(() => NotificationKind) kind!: Kind;
  @Field(() => EmailModeEnum) email!: EmailMode;
  @Field(() => Boolean, {
    nullable: true,
    description: 'False turns the kind off (only kinds with canTurnOff); omitted: as it was.',
  })
  enabled?: boolean | null;
}

@InputType()
export class SetNotificationPreferencesInput {
  @Field(() => [NotificationPreferenceInput], { description: 'Kinds not listed keep their setting.' })
  preferences!: NotificationPreferenceInput[];
}
