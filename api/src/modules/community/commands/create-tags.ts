import { transact } from '../../../platform/db/transact.js';
import { assertValid, type FieldErrors } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import '../community.events.js';
import { ensureTagsAllowed, recordTags } from '../post-limits.js';
import { normalizeTags } from '../post.rules.js';

/**
 * Adds tags to the vocabulary without a thread (staff setting up a community, or importing
 * one): the same create-tags privilege and validation as tagging a question.
 */
export async function createTags(scope: Scope, names: string[]): Promise<string[]> {
  const viewer = scope.guardian.requireViewer();
  const errors: FieldErrors = {};
  const tags = [...new Set(names.flatMap((n) => normalizeTags([n], errors)))];
  assertValid(errors);
  await ensureTagsAllowed(scope.em, scope.guardian, tags);
  await transact(scope.em, async (tx) => {
    const created = await recordTags(tx, tags, viewer.id);
    if (created.length > 0) {
      await recordEvent(tx, scope.guardian.requireActor(), {
        name: 'tags.created',
        subject: ref('member', viewer.id),
        data: { tags: created },
      });
    }
  });
  return tags;
}
