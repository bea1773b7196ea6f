import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { connectionType, decodeCursor, pageSize, parseId, toConnection } from '../../graphql/pagination.js';
import { Member } from '../accounts/member.entity.js';
import type { SanctionKind as Kind } from './active-sanctions.js';
import { imposeSanction } from './commands/impose-sanction.js';
import { liftSanction } from './commands/lift-sanction.js';
import { LiftSanctionPayload, MemberSanction, SanctionPayload, toMemberSanction } from './sanction.types.js';
import type { PageCursor } from './sanctions.queries.js';

const MemberSanctionConnection = connectionType(MemberSanction, 'MemberSanction');

@InputType({ description: 'Whom, until when, and why (the member is shown the reason and the end).' })
class SanctionInput {
  @Field(() => ID) memberId!: string;
  @Field(() => Date, { description: 'In the future, at most 365 days away.' }) until!: Date;
  @Field(() => String, { description: '3–500 characters.' }) reason!: string;
}

@Resolver(() => MemberSanction)
export class MemberSanctionResolver {
  @FieldResolver(() => Member, { nullable: true, description: 'Staff only: who imposed it; null for the system.' })
  imposedBy(@Root() sanction: MemberSanction, @Ctx() ctx: Context) {
    return staffSee(ctx, sanction.imposedBy);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'Staff only: who lifted it.' })
  liftedBy(@Root() sanction: MemberSanction, @Ctx() ctx: Context) {
    return staffSee(ctx, sanction.liftedBy);
  }
}

/** Which moderator acted is for staff: the sanctioned member sees the sanction, not its author. */
const staffSee = (ctx: Context, memberId: number | null) =>
  memberId !== null && ctx.guardian.can('member.readSanctionHistory', null)
    ? ctx.loaders.memberById.load(memberId)
    : null;

@Resolver(() => Member)
export class SanctionResolver {
  @FieldResolver(() => MemberSanction, {
    nullable: true,
    description:
      'The sanction in force (a suspension before a silence), for a banner. Visible to the member and to staff; null for everyone else.',
  })
  async sanction(@Root() member: Member, @Ctx() ctx: Context): Promise<MemberSanction | null> {
    if (!ctx.guardian.can('member.readSanction', member)) return null;
    const [strongest] = await ctx.loaders.activeSanctionsByMember.load(member.id);
    return strongest ? toMemberSanction(strongest) : null;
  }

  @FieldResolver(() => MemberSanctionConnection, {
    nullable: true,
    description: 'Staff only (null with FORBIDDEN for anyone else): every sanction of the member, newest first.',
  })
  async sanctionHistory(
    @Root() member: Member,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    ctx.guardian.ensureCan('member.readSanctionHistory', null);
    const limit = pageSize(first);
    const cursor = decodeCursor(after, ['timestamp', 'id']) as PageCursor;
    const rows = await ctx.loaders.sanctionHistoryPage(limit + 1, cursor).load(member.id);
    return toConnection(rows.map(toMemberSanction), limit, (s) => [s.startsAt.toISOString(), Number(s.id)]);
  }

  @Mutation(() => SanctionPayload, {
    description: 'Staff: the member may read but not post, reply, edit, vote or flag until then.',
  })
  silenceMember(@Arg('input', () => SanctionInput) input: SanctionInput, @Ctx() ctx: Context) {
    return impose(ctx, input, 'SILENCE');
  }

  @Mutation(() => SanctionPayload, { description: 'Staff: the member may not log in until then.' })
  suspendMember(@Arg('input', () => SanctionInput) input: SanctionInput, @Ctx() ctx: Context) {
    return impose(ctx, input, 'SUSPEND');
  }

  @Mutation(() => LiftSanctionPayload, { description: "Staff: ends the member's sanctions in force now." })
  async liftSanction(@Arg('memberId', () => ID) memberId: string, @Ctx() ctx: Context): Promise<LiftSanctionPayload> {
    const id = parseId(memberId, 'memberId');
    const lifted = await liftSanction(ctx, id);
    return { member: (await ctx.loaders.memberById.load(id))!, lifted: lifted.map(toMemberSanction) };
  }
}

async function impose(ctx: Context, input: SanctionInput, kind: Kind): Promise<SanctionPayload> {
  const memberId = parseId(input.memberId, 'memberId');
  const row = await imposeSanction(ctx, { memberId, kind, until: input.until, reason: input.reason });
  return { member: (await ctx.loaders.memberById.load(memberId))!, sanction: toMemberSanction(row) };
}
