declare module '../../platform/events/events.js' {
  interface EventData {
    'badge.awarded': {
      awardId: string;
      badge: string;
      memberId: number;
      postId: number | null;
      threadId: number | null;
    };
  }
}

export {};
