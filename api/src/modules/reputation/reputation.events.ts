declare module '../../platform/events/events.js' {
  interface EventData {
    /** Staff corrected a member's reputation. */
    'reputation.adjusted': { memberId: number; points: number; reason: string; ledgerEventId: string };
    /** The serial-voting job reversed a voter's credits to one member. */
    'reputation.serial_voting_reversed': { voterId: number; targetId: number; reversedEvents: number };
  }
}

export {};
