import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { connectionType, pageSize, parseId, type Connection } from '../../graphql/pagination.js';
import { approveMember } from './commands/approve-member.js';
import { listPendingMembers } from './member-approval.queries.js';
import { Member } from './member.entity.js';

export const MemberConnection = connectionType(Member, 'Member');

@InputType()
class ApproveMemberInput {
  @Field(() => ID)
  memberId!: string;
}

@ObjectType({ simpleResolvers: true })
class ApproveMemberPayload {
  @Field(() => Member, { description: 'The member, who can log in from now on.' })
  member!: Member;
}

/** Sign-ups held for staff approval (too many from one network in a day; see ABUSE_LIMITS). */
@Resolver()
export class MemberApprovalResolver {
  @Query(() => MemberConnection, { description: 'Staff: sign-ups waiting for approval, oldest first.' })
  pendingMembers(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<Member>> {
    ctx.guardian.ensureCan('member.approve', null);
    return listPendingMembers(ctx.em, { first: pageSize(first), after });
  }

  @Mutation(() => ApproveMemberPayload, { description: 'Staff: approve a held sign-up so the member can log in.' })
  async approveMember(
    @Arg('input', () => ApproveMemberInput) input: ApproveMemberInput,
    @Ctx() ctx: Context,
  ): Promise<ApproveMemberPayload> {
    const member = await approveMember(ctx, parseId(input.memberId, 'memberId'));
    ctx.loaders.memberById.clear(member.id).prime(member.id, member);
    return { member };
  }
}
