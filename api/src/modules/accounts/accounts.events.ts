declare module '../../platform/events/events.js' {
  interface EventData {
    /** `held`: over the sign-up limit, waiting for staff approval. */
    'member.registered': { memberId: number; handle: string; held: boolean };
    'member.approved': { memberId: number; handle: string };
    /** The member opened the signed link sent to `email` (the address it was sent to). */
    'member.email_verified': { memberId: number; handle: string; email: string };
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
