import { isStaffViewer } from '../../../platform/authz/guardian.js';
import { systemActor } from '../../../platform/authz/actor.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { assertValid, ConflictError, type FieldErrors } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import { markHidden } from '../../community/commands/hide-post.js';
import { HIDDEN_BY_FLAGS, type Post } from '../../community/post.entity.js';
import { readablePost } from '../../community/visibility.js';
import {
  FLAG_REASONS,
  flagWeight,
  reachesThreshold,
  toWeight,
  validateFlagNote,
  type FlagReasonKey,
} from '../flag.rules.js';
import { ensureFlagAllowed } from '../flag-cap.js';
import '../moderation.events.js';

export interface FlagPostInput {
  postId: number;
  reason: FlagReasonKey;
  note?: string | null;
}

export interface FlagPostResult {
  post: Post;
  flag: { id: number; reason: FlagReasonKey; note: string | null; weight: number; createdAt: Date };
  /** Whether this flag hid the post. */
  hid: boolean;
}

/**
 * A member flags someone else's post for review. In one transaction: the daily cap, the post and
 * its thread locked (so concurrent flags of one post are weighed one after another), the flag
 * with its weight (Discourse's flag score, from the flagger's standing and past accuracy), the
 * post's open review item (one per post), and, once the open flags weigh the threshold, the post
 * hidden by the system, exactly once. Any refusal writes nothing.
 */
export async function flagPost(scope: Scope, input: FlagPostInput): Promise<FlagPostResult> {
  const viewer = scope.guardian.requireViewer();
  const actor = scope.guardian.requireActor();
  const rules = scope.settings.moderation;
  const found = await readablePost(scope.em, viewer, input.postId);
  scope.guardian.ensureCan('post.flag', found);
  const errors: FieldErrors = {};
  if (!FLAG_REASONS.includes(input.reason)) errors.reason = 'Choose one of the listed reasons.';
  const note = validateFlagNote(rules, input.reason, input.note, errors);
  assertValid(errors);

  return transact(scope.em, async (tx) => {
    await ensureFlagAllowed(tx, scope.guardian, scope.settings.abuseLimits.flagsPerDay);
    const { post, thread } = await readablePost(tx, viewer, input.postId, { lock: true });
    scope.guardian.ensureCan('post.flag', { post, thread });
    const [already] = await sql(tx, 'select 1 from flags where post_id = ? and flagger_id = ?', [post.id, viewer.id]);
    if (already) throw new ConflictError('You have already flagged this post.');

    const [record] = await sql<{ agreed: number; disagreed: number }>(
      tx,
      `select count(*) filter (where status = 'AGREED')::int as agreed,
              count(*) filter (where status = 'DISAGREED')::int as disagreed
         from flags where flagger_id = ?`,
      [viewer.id],
    );
    const weight = flagWeight(rules, scope.settings.reputation.levels, {
      staff: isStaffViewer(viewer),
      reputation: viewer.reputation,
      agreed: record!.agreed,
      disagreed: record!.disagreed,
    });
    // The post's open item, new or joined (the post lock makes its flags take turns here).
    const [item] = await sql<{ id: number }>(
      tx,
      `insert into review_items (kind, post_id, author_id, category_id) values ('FLAGGED_POST', ?, ?, ?)
       on conflict (post_id) where status = 'OPEN' do update set post_id = excluded.post_id
       returning id`,
      [post.id, post.authorId, thread.categoryId],
    );
    const [flag] = await sql<{ id: number; created_at: Date }>(
      tx,
      `insert into flags (post_id, flagger_id, review_item_id, reason, note, weight) values (?, ?, ?, ?, ?, ?)
       on conflict (post_id, flagger_id) do nothing returning id, created_at`,
      [post.id, viewer.id, item!.id, input.reason, note, weight],
    );
    if (!flag) throw new ConflictError('You have already flagged this post.');
    await recordEvent(tx, actor, {
      name: 'post.flagged',
      subject: ref('post', post.id),
      related: [ref('thread', thread.id), ref('member', post.authorId), ref('member', viewer.id)],
      data: {
        postId: post.id,
        threadId: thread.id,
        authorId: post.authorId,
        flaggerId: viewer.id,
        reason: input.reason,
        weight: toWeight(weight),
      },
    });

    let current = post;
    let hid = false;
    if (!post.hiddenAt) {
      const [sum] = await sql<{ total: number }>(
        tx,
        `select coalesce(sum(weight), 0)::int as total from flags where post_id = ? and status = 'OPEN'`,
        [post.id],
      );
      if (reachesThreshold(rules, sum!.total)) {
        const hidden = await markHidden(tx, systemActor('flags'), {
          post,
          thread,
          byId: null,
          reason: HIDDEN_BY_FLAGS,
        });
        if (hidden) {
          current = hidden;
          hid = true;
          await sql(tx, `update review_items set kind = 'HIDDEN_POST' where id = ?`, [item!.id]);
        }
      }
    }
    return {
      post: current,
      flag: { id: flag.id, reason: input.reason, note, weight: toWeight(weight), createdAt: new Date(flag.created_at) },
      hid,
    };
  });
}
