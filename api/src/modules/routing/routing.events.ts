import type { RouteReason } from './route-reason.js';

declare module '../../platform/events/events.js' {
  interface EventData {
    /** A new question was offered to `members` (the likeliest answerers), each with why. */
    'thread.routed': {
      threadId: number;
      categoryId: number;
      authorId: number;
      members: { memberId: number; score: number; reason: RouteReason; text: string }[];
    };
  }
}

export {};
