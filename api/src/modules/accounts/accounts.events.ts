declare module '../../platform/events/events.js' {
  interface EventData {
    /** `held`: over the sign-up limit, waiting for staff approval. */
    'member.registered': { memberId: number; handle: string; held: boolean };
    'member.approved': { memberId: number; handle: string };
    /** An administrator made the member a moderator, an administrator or a member again. */
    'member.role_changed': {
      memberId: number;
      handle: string;
      reason: string;
      before: { role: string };
      after: { role: string };
    };
  }
}

export {};
