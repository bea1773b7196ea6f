import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { connectionType, decodeCursor, pageSize, parseId, toConnection } from '../../graphql/pagination.js';
import { Member } from '../accounts/member.entity.js';
import { addStaffNote } from './commands/add-staff-note.js';
import { deleteStaffNote } from './commands/delete-staff-note.js';
import type { PageCursor, StaffNoteRow } from './sanctions.queries.js';

@ObjectType({ description: 'A private note staff keep on a member.', simpleResolvers: true })
export class StaffNote {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The markdown as written.' }) body!: string;
  @Field(() => String, { description: 'Sanitized HTML rendered from the body.' }) bodyHtml!: string;
  @Field(() => Date) createdAt!: Date;
  authorId!: number;
  memberId!: number;
}

const toStaffNote = (row: StaffNoteRow): StaffNote => ({
  id: String(row.id),
  body: row.body,
  bodyHtml: row.body_html,
  createdAt: new Date(row.created_at),
  authorId: row.author_id,
  memberId: row.member_id,
});

const StaffNoteConnection = connectionType(StaffNote, 'StaffNote');

@InputType({ description: 'The member, and the note (markdown, 1–5,000 characters).' })
class AddStaffNoteInput {
  @Field(() => ID) memberId!: string;
  @Field(() => String) body!: string;
}

@ObjectType({ simpleResolvers: true })
class AddStaffNotePayload {
  @Field(() => StaffNote) note!: StaffNote;
  @Field(() => Member) member!: Member;
}

@ObjectType({ simpleResolvers: true })
class DeleteStaffNotePayload {
  @Field(() => ID) deletedNoteId!: string;
  @Field(() => Member) member!: Member;
}

@Resolver(() => StaffNote)
export class StaffNoteResolver {
  @FieldResolver(() => Member, { nullable: true })
  author(@Root() note: StaffNote, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(note.authorId);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may delete it (its author, or an administrator).' })
  viewerCanDelete(@Root() note: StaffNote, @Ctx() ctx: Context): boolean {
    return ctx.guardian.can('staffNote.delete', { authorId: note.authorId });
  }
}

@Resolver(() => Member)
export class MemberStaffNotesResolver {
  @FieldResolver(() => StaffNoteConnection, {
    nullable: true,
    description: 'Staff only (null with FORBIDDEN for anyone else): private notes on the member, newest first.',
  })
  async staffNotes(
    @Root() member: Member,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    ctx.guardian.ensureCan('member.readStaffNotes', null);
    const limit = pageSize(first);
    const cursor = decodeCursor(after, ['timestamp', 'id']) as PageCursor;
    const rows = await ctx.loaders.staffNotePage(limit + 1, cursor).load(member.id);
    return toConnection(rows.map(toStaffNote), limit, (n) => [n.createdAt.toISOString(), Number(n.id)]);
  }

  @Mutation(() => AddStaffNotePayload, { description: 'Staff: a private note on a member.' })
  async addStaffNote(@Arg('input', () => AddStaffNoteInput) input: AddStaffNoteInput, @Ctx() ctx: Context) {
    const memberId = parseId(input.memberId, 'memberId');
    const note = await addStaffNote(ctx, { memberId, body: input.body });
    return { note: toStaffNote(note), member: await ctx.loaders.memberById.load(memberId) };
  }

  @Mutation(() => DeleteStaffNotePayload, {
    description: 'The author of a staff note, or an administrator: deletes it.',
  })
  async deleteStaffNote(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const note = await deleteStaffNote(ctx, parseId(id));
    return { deletedNoteId: String(note.id), member: await ctx.loaders.memberById.load(note.member_id) };
  }
}
