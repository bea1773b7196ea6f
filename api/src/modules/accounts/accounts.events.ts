declare module '../../platform/events/events.js' {
  interface EventData {
    'member.registered': { memberId: number; handle: string };
  }
}

export {};
