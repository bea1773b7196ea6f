import type { EntityManager } from '@mikro-orm/postgresql';
import type { Guardian } from '../../platform/authz/guardian.js';
import { sql, textArray } from '../../platform/db/sql.js';
import { RateLimitedError, ValidationError } from '../../platform/errors.js';
import { isNewMember } from '../reputation/privileges.js';
import { mentionedHandles } from './markdown.js';
import { lockMemberWrites } from './posting-limits.js';

/** Links in rendered (sanitized) HTML: each anchor the markdown produced, mentions aside (they have their own limit). */
export const countLinks = (html: string): number =>
  (html.match(/<a\s/g) ?? []).length - (html.match(/<a href="[^"]*" class="mention">/g) ?? []).length;

/**
 * New members may mention only a few members per post (SECURITY.md: 2), so a new account cannot
 * page the whole community. A typed BAD_USER_INPUT on the body, checked before anything is written.
 */
export function ensureMentionsAllowed(guardian: Guardian, bodyHtml: string): void {
  const viewer = guardian.requireViewer();
  const max = guardian.settings.newMembers.maxMentionsPerPost;
  const count = mentionedHandles(bodyHtml).length;
  if (count <= max || !isNewMember(guardian.settings, viewer)) return;
  throw new ValidationError({
    body:
      `New members can mention at most ${max} members in a post; this one mentions ${count}. ` +
      `The limit lifts when you reach ${guardian.settings.privileges.upvote} reputation or your account is ` +
      `${guardian.settings.newMembers.trustedAfterDays} days old.`,
  });
}

/** Checks a post body's links against the new-member limit (FORBIDDEN with the limit and when it lifts). */
export function ensureLinksAllowed(guardian: Guardian, bodyHtml: string): void {
  guardian.ensureCan('post.links', { count: countLinks(bodyHtml) });
}

/** Tags not in the vocabulary yet: using them creates them (a privilege). */
async function newTags(em: EntityManager, tags: string[]): Promise<string[]> {
  if (tags.length === 0) return [];
  const rows = await sql<{ tag: string }>(
    em,
    'select tag from unnest(?::text[]) as tag where not exists (select 1 from tags where name = tag)',
    [textArray(tags)],
  );
  return rows.map((r) => r.tag);
}

export async function ensureTagsAllowed(em: EntityManager, guardian: Guardian, tags: string[]): Promise<void> {
  const fresh = await newTags(em, tags);
  guardian.ensureCan('tag.create', { tags: fresh });
}

/**
 * Adds tags to the vocabulary (after ensureTagsAllowed), in the caller's transaction; returns
 * those that were new.
 */
export async function recordTags(tx: EntityManager, tags: string[], memberId: number): Promise<string[]> {
  if (tags.length === 0) return [];
  const rows = await sql<{ name: string }>(
    tx,
    'insert into tags (name, created_by) select unnest(?::text[]), ? on conflict do nothing returning name',
    [textArray(tags), memberId],
  );
  return rows.map((r) => r.name);
}

/**
 * New members may start only a few threads in their first day (SECURITY.md). Runs inside the
 * asking transaction under the member's write lock (see lockMemberWrites: not the member row,
 * which a concurrent vote's reputation credit may be waiting for), so concurrent asks are
 * counted in turn.
 */
export async function ensureFirstDayThreadAllowed(tx: EntityManager, guardian: Guardian): Promise<void> {
  const viewer = guardian.requireViewer();
  if (!isNewMember(guardian.settings, viewer)) return;
  const firstDayEnds = viewer.createdAt.getTime() + 86_400_000;
  if (Date.now() >= firstDayEnds) return;
  const max = guardian.settings.newMembers.maxThreadsFirstDay;
  await lockMemberWrites(tx, viewer.id);
  const [row] = await sql<{ n: number }>(tx, 'select count(*)::int as n from threads where author_id = ?', [viewer.id]);
  if (row!.n >= max) {
    const retryAfter = Math.ceil((firstDayEnds - Date.now()) / 1000);
    throw new RateLimitedError(
      `New members can start at most ${max} threads on their first day. You can start another in ` +
        `${Math.ceil(retryAfter / 60)} minutes.`,
      retryAfter,
    );
  }
}
