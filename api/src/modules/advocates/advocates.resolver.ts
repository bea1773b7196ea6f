import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { parseId } from '../../graphql/pagination.js';
import { Member } from '../accounts/member.entity.js';
import { advocateChanges } from './advocates.queries.js';
import { setAdvocate } from './commands/set-advocate.js';

@InputType({ description: 'Whom, and why (kept in the audit trail).' })
class AdvocateInput {
  @Field(() => ID) memberId!: string;
  @Field(() => String, { description: '3–500 characters.' }) reason!: string;
}

@ObjectType({ description: 'One grant or revoke of advocate status.', simpleResolvers: true })
class AdvocateChange {
  @Field(() => ID) id!: string;
  @Field(() => Boolean, { description: 'True for a grant, false for a revoke.' }) granted!: boolean;
  @Field(() => String) reason!: string;
  @Field(() => Date) createdAt!: Date;
  actorId!: number | null;
}

@Resolver(() => AdvocateChange)
export class AdvocateChangeResolver {
  @FieldResolver(() => Member, { nullable: true, description: 'The staff member who made the change.' })
  actor(@Root() change: AdvocateChange, @Ctx() ctx: Context) {
    return change.actorId ? ctx.loaders.memberById.load(change.actorId) : null;
  }
}

@Resolver(() => Member)
export class AdvocateResolver {
  @FieldResolver(() => [AdvocateChange], {
    nullable: true,
    description: 'Staff only: the audit trail of advocate grants and revokes, newest first.',
  })
  advocateHistory(@Root() member: Member, @Ctx() ctx: Context) {
    ctx.guardian.ensureCan('member.manageAdvocates', null);
    return advocateChanges(ctx.em, member.id);
  }

  @Mutation(() => Member, { description: 'Staff: make a member an advocate.' })
  grantAdvocate(@Arg('input', () => AdvocateInput) input: AdvocateInput, @Ctx() ctx: Context) {
    return setAdvocate(ctx, { memberId: parseId(input.memberId, 'memberId'), reason: input.reason }, true);
  }

  @Mutation(() => Member, { description: 'Staff: take advocate status away.' })
  revokeAdvocate(@Arg('input', () => AdvocateInput) input: AdvocateInput, @Ctx() ctx: Context) {
    return setAdvocate(ctx, { memberId: parseId(input.memberId, 'memberId'), reason: input.reason }, false);
  }
}
