declare module '../../platform/events/events.js' {
  interface EventData {
    /** Staff nominated a hidden influencer for the advocate programme (an invitation, not a grant). */
    'advocate.nominated': { memberId: number; score: number; nominationId: number };
  }
}

export {};
