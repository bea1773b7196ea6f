declare module '../../platform/events/events.js' {
  interface EventData {
    /** A member uploaded an avatar; `hash` names its stored files. */
    'avatar.changed': { memberId: number; hash: string };
    /** An avatar was removed (by its member, or by staff): the generated one shows again. */
    'avatar.removed': { memberId: number; hash: string };
  }
}

export {};
