const REASONS: Record<string, string> = {
  SPAM: 'spam',
  ABUSE: 'abuse',
  OFF_TOPIC: 'off-topic',
  OTHER: 'another reason',
};

interface Removal {
  reason?: string | null;
  by?: { handle: string } | null;
}

/** Who took a post down and why, for moderators: "removed as spam by @mod", "deleted by its author". */
export function removalText(removal: Removal, authorHandle: string): string {
  const by = removal.by ? (removal.by.handle === authorHandle ? 'its author' : `@${removal.by.handle}`) : 'unknown';
  return removal.reason ? `removed as ${REASONS[removal.reason] ?? 'another reason'} by ${by}` : `deleted by ${by}`;
}
