declare module '../../platform/events/events.js' {
  interface EventData {
    'advocate.granted': { memberId: number; reason: string; categoryIds: number[] | null };
    'advocate.revoked': { memberId: number; reason: string };
  }
}

export {};
