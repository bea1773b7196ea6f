import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { pageSize, parseId, type Connection } from '../../graphql/pagination.js';
import { ValidationError } from '../../platform/errors.js';
import { setMemberRole } from './commands/set-member-role.js';
import { MemberConnection } from './member-approval.resolver.js';
import { isEmailQuery, listAdminMembers } from './member-admin.queries.js';
import { Member, Role } from './member.entity.js';

@InputType({ description: 'Filters of the admin members list; each one set narrows it.' })
class AdminMembersFilterInput {
  @Field(() => String, {
    nullable: true,
    description: 'A handle prefix, or an exact email address (administrators only); case-insensitive.',
  })
  query?: string | null;

  @Field(() => Role, { nullable: true })
  role?: Role | null;

  @Field(() => Boolean, { nullable: true, description: 'Sign-ups held for approval (true) or the others (false).' })
  held?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'With a sanction in force (true) or without (false).' })
  sanctioned?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  advocate?: boolean | null;
}

@InputType()
class SetMemberRoleInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, { description: '3–500 characters; kept in the audit log.' })
  reason!: string;
}

@ObjectType({ simpleResolvers: true })
class SetMemberRolePayload {
  @Field(() => Member, { description: 'The member, with the role in force from their next request.' })
  member!: Member;
}

/** The admin area's members: search, filters, roles. */
@Resolver(() => Member)
export class MemberAdminResolver {
  @Query(() => MemberConnection, {
    description:
      'Staff: members, newest first, filtered. An email query is for administrators only (FORBIDDEN for moderators).',
  })
  adminMembers(
    @Ctx() ctx: Context,
    @Arg('filter', () => AdminMembersFilterInput, { nullable: true }) filter?: AdminMembersFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<Member>> {
    ctx.guardian.ensureCan('member.list', null);
    if (isEmailQuery(filter?.query)) ctx.guardian.ensureCan('member.searchByEmail', null);
    if (filter?.query && filter.query.length > 254) {
      throw new ValidationError({ query: 'Search for at most 254 characters.' });
    }
    return listAdminMembers(ctx.em, filter ?? {}, { first: pageSize(first), after });
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Staff only (null for others): the sign-up is held and waits for approval (approveMember).',
  })
  heldForApproval(@Root() member: Member, @Ctx() ctx: Context): boolean | null {
    if (!ctx.guardian.can('member.approve', null)) return null;
    return member.heldAt !== null && member.approvedAt === null;
  }

  @Mutation(() => SetMemberRolePayload, {
    description:
      'Administrators: make a member a moderator, an administrator or a member again (not oneself, so never the last administrator).',
  })
  async setMemberRole(
    @Arg('input', () => SetMemberRoleInput) input: SetMemberRoleInput,
    @Ctx() ctx: Context,
  ): Promise<SetMemberRolePayload> {
    const member = await setMemberRole(ctx, {
      memberId: parseId(input.memberId, 'memberId'),
      role: input.role,
      reason: input.reason,
    });
    ctx.loaders.memberById.clear(member.id).prime(member.id, member);
    return { member };
  }
}
