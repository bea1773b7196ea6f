import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import { validateNote } from '../sanction.rules.js';
import { lockTarget } from '../sanction-target.js';
import type { StaffNoteRow } from '../sanctions.queries.js';
import '../sanctions.events.js';
import { renderBody } from '../../community/render-body.js';

/**
 * Staff keep a private note on a member (markdown, rendered by the posts' sanitizer, so a
 * note shows as a post does). Records `member.staff_note_added` without the body.
 */
export async function addStaffNote(scope: Scope, input: { memberId: number; body: string }): Promise<StaffNoteRow> {
  const viewer = scope.guardian.requireViewer();
  return transact(scope.em, async (tx) => {
    const target = await lockTarget(tx, input.memberId);
    scope.guardian.ensureCan('member.addStaffNote', target);
    const body = validateNote(input.body);
    const [note] = await sql<StaffNoteRow>(
      tx,
      'insert into staff_notes (member_id, author_id, body, body_html) values (?, ?, ?, ?) returning *',
      [target.id, viewer.id, body, await renderBody({ em: tx, services: scope.services }, body)],
    );
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'member.staff_note_added',
      subject: ref('member', target.id),
      related: [ref('staff_note', note!.id)],
      data: { noteId: note!.id, memberId: target.id, authorId: viewer.id },
    });
    return note!;
  });
}
