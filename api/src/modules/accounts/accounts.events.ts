declare module '../../platform/events/events.js' {
  interface EventData {
    /** `held`: over the sign-up limit, waiting for staff approval. */
    'member.registered': { memberId: number; handle: string; held: boolean };
    'member.approved': { memberId: number; handle: string };
  }
}

export {};
