declare module '../../platform/events/events.js' {
  interface EventData {
    'badge.awarded': {
      awardId: string;
      badge: string;
      memberId: number;
      postId: number | null;
      threadId: number | null;
    };
    /** An award its rule no longer supports was taken back (its article was withdrawn). */
    'badge.revoked': {
      awardId: string;
      badge: string;
      memberId: number;
      postId: number | null;
      threadId: number | null;
    };
  }
}

export {};
