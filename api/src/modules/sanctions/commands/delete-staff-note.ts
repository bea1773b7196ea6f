import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { NotFoundError } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import type { StaffNoteRow } from '../sanctions.queries.js';
import '../sanctions.events.js';

/**
 * Deletes a staff note for good (its author, or an administrator): the body is not kept
 * anywhere, the event neither. Someone who may not read notes is told it does not exist.
 */
export async function deleteStaffNote(scope: Scope, noteId: number): Promise<StaffNoteRow> {
  scope.guardian.requireViewer();
  return transact(scope.em, async (tx) => {
    const [note] = await sql<StaffNoteRow>(tx, 'select * from staff_notes where id = ? for update', [noteId]);
    if (!note || !scope.guardian.can('member.readStaffNotes', null)) throw new NotFoundError('Staff note');
    scope.guardian.ensureCan('staffNote.delete', { authorId: note.author_id });
    await sql(tx, 'delete from staff_notes where id = ?', [note.id]);
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'member.staff_note_deleted',
      subject: ref('member', note.member_id),
      related: [ref('staff_note', note.id)],
      data: { noteId: note.id, memberId: note.member_id, authorId: note.author_id },
    });
    return note;
  });
}
