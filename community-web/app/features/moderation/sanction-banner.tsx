/** "14 December 2026": a date as the member reads it, the same on the server and in the browser. */
export function dayOf(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** What a sanction says to its member, e.g. "You are silenced until 24 December 2026: Spam links". */
export function sanctionText(s: { kind: string; until?: string | null; reason: string }): string {
  const what = s.kind === 'SUSPEND' ? 'suspended' : 'silenced';
  const until = s.until ? ` until ${dayOf(s.until)}` : ' until a moderator lifts it';
  return `You are ${what}${until}: ${s.reason}`;
}

/** Site-wide, under the header: the member's own sanction in force, with its end and reason. */
export function SanctionBanner({ sanction }: { sanction: { kind: string; until?: string | null; reason: string } }) {
  return (
    <div role="status" className="border-b border-amber-300 bg-amber-50" data-testid="sanction-banner">
      <p className="mx-auto max-w-5xl px-4 py-2 text-sm text-amber-900">
        {sanctionText(sanction)}
        {sanction.kind === 'SILENCE' && ' You can read, but not post, reply, vote or flag.'}
      </p>
    </div>
  );
}
