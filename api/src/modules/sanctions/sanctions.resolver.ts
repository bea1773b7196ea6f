import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { parseId } from '../../graphql/pagination.js';
import { Member } from '../accounts/member.entity.js';
import type { SanctionKind as Kind } from './active-sanctions.js';
import { imposeSanction } from './commands/impose-sanction.js';
import { liftSanction } from './commands/lift-sanction.js';
import { LiftSanctionPayload, MemberSanction, SanctionPayload, toMemberSanction } from './sanction.types.js';

@InputType({ description: 'Whom, until when, and why (the member is shown the reason and the end).' })
class SanctionInput {
  @Field(() => ID) memberId!: string;
  @Field(() => Date, { description: 'In the future, at most 365 days away.' }) until!: Date;
  @Field(() => String, { description: '3–500 characters.' }) reason!: string;
}

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

  @Mutation(() => SanctionPayload, {
    description: 'Staff: the member may read but not post, reply, edit, vote or flag until then.',
  })
  silenceMember(@Arg('input', () => SanctionInput) input: SanctionInput, @Ctx() ctx: Context) {
    return sanction(ctx, input, 'SILENCE');
  }

  @Mutation(() => SanctionPayload, { description: 'Staff: the member may not log in until then.' })
  suspendMember(@Arg('input', () => SanctionInput) input: SanctionInput, @Ctx() ctx: Context) {
    return sanction(ctx, input, 'SUSPEND');
  }

  @Mutation(() => LiftSanctionPayload, { description: "Staff: ends the member's sanctions in force now." })
  async liftSanction(@Arg('memberId', () => ID) memberId: string, @Ctx() ctx: Context): Promise<LiftSanctionPayload> {
    const id = parseId(memberId, 'memberId');
    const lifted = await liftSanction(ctx, id);
    return { member: (await ctx.loaders.memberById.load(id))!, lifted: lifted.map(toMemberSanction) };
  }
}

async function sanction(ctx: Context, input: SanctionInput, kind: Kind): Promise<SanctionPayload> {
  const memberId = parseId(input.memberId, 'memberId');
  const row = await imposeSanction(ctx, { memberId, kind, until: input.until, reason: input.reason });
  return { member: (await ctx.loaders.memberById.load(memberId))!, sanction: toMemberSanction(row) };
}
