import { systemActor } from '../../../platform/authz/actor.js';
import { snapshotsById } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import type { EventName } from '../../../platform/events/events.js';
import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import type { Services } from '../../../platform/scope.js';
import { Member } from '../../accounts/member.entity.js';
import { viewerOf } from '../../accounts/viewer.js';
import { isNewMember } from '../../reputation/privileges.js';
import { insertSanction } from '../sanction-writes.js';

/** Distinct members flagging a new member's posts that silence the member (SECURITY.md). */
const NEWCOMER_FLAGGERS = 3;

/**
 * What this subscriber reads of the moderation module's `post.flagged` (declared there; only
 * these fields are relied on): subject post, related thread, author and flagger.
 */
interface PostFlagged {
  postId: number;
  authorId: number;
  flaggerId: number;
}

const actor = systemActor('sanctions.silence-newcomers');

const SILENCE_REASON =
  `${NEWCOMER_FLAGGERS} members flagged posts of this new account. ` +
  'You can read, and a moderator will review the flags and lift the silence if they were mistaken.';

/**
 * Three distinct flaggers on a new member's posts silence the member until staff decide
 * (Discourse's "silence new user" rule). The flaggers are counted from the event log, so the
 * rule needs no table of its own, and only flags recorded after the member's last silence ended
 * count: a silence staff lifted is not imposed again by the flags it answered. Evaluated
 * against the member as they are now (a member no longer new is left alone); an active silence
 * is left alone, and the exclusion constraint makes a concurrent staff silence win cleanly, so
 * a replay silences at most once.
 */
export const silenceFlaggedNewcomers: SubscriberDefinition<Services> = {
  name: 'sanctions.silence-newcomers',
  events: ['post.flagged' as EventName],
  handle: async (events, { tx, services }) => {
    const authors = [...new Set(events.map((e) => (e.data as unknown as PostFlagged).authorId))].sort((a, b) => a - b);
    const settings = services.settings.current().reputation;
    for (const member of await snapshotsById(tx, Member, authors)) {
      if (!isNewMember(settings, viewerOf(member, []))) continue;
      const [state] = await sql<{ silenced: boolean; flaggers: number }>(
        tx,
        `with last as (
           select bool_or(lifted_at is null and (until is null or until > now())) as silenced,
                  max(least(lifted_at, until)) as ended
             from member_sanctions where member_id = ? and kind = 'SILENCE')
         select coalesce(last.silenced, false) as silenced,
                (select count(distinct e.data->>'flaggerId')::int from domain_events e
                  where e.related @> ?::text[] and e.name = 'post.flagged'
                    and e.data->>'authorId' = ? and e.data->>'flaggerId' <> e.data->>'authorId'
                    and e.occurred_at > coalesce(last.ended, '-infinity')) as flaggers
           from last`,
        [member.id, `{member:${member.id}}`, String(member.id)],
      );
      if (state!.silenced || state!.flaggers < NEWCOMER_FLAGGERS) continue;
      await insertSanction(tx, actor, {
        memberId: member.id,
        kind: 'SILENCE',
        until: null,
        reason: SILENCE_REASON,
        imposedBy: null,
      });
    }
  },
};
