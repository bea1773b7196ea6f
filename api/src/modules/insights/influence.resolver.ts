import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { pageSize, parseId } from '../../graphql/pagination.js';
import { Member } from '../accounts/member.entity.js';
import { nominateAdvocate } from './commands/nominate-advocate.js';
import { hiddenInfluencers, whyHidden } from './influence/influence.store.js';

@ObjectType({ description: 'One part of a member’s influence: score = Σ value × weight.', simpleResolvers: true })
export class InfluencePart {
  @Field(() => String, { description: 'ACCEPTED_ANSWERS, REACH, ASKERS_HELPED or RANK.' }) name!: string;
  @Field(() => Float, { description: 'The value as it enters the score (after decay, log10 or scaling).' })
  value!: number;
  @Field(() => Float) weight!: number;
  @Field(() => String, { description: 'The figures behind the value, in words.' }) explanation!: string;
}

@ObjectType({ description: 'Influence measured by outcomes (staff only), recomputed hourly.', simpleResolvers: true })
export class Influence {
  @Field(() => Float) score!: number;
  @Field(() => [InfluencePart]) parts!: InfluencePart[];
  @Field(() => Date, { nullable: true, description: 'Null when the member has no accepted answer yet.' })
  computedAt!: Date | null;
}

@ObjectType({ description: 'A member in the top decile of influence who is neither staff nor an advocate.' })
class HiddenInfluencer {
  memberId!: number;
  @Field(() => Influence) influence!: Influence;
  @Field(() => Int, { description: 'Their place among every member with influence (1 = most).' }) rank!: number;
  @Field(() => Int, { description: 'Members with any influence.' }) outOf!: number;
  @Field(() => String, { description: 'Why they are listed, from the parts of their score.' }) why!: string;
  @Field(() => Date, { nullable: true, description: 'When staff last nominated them for the advocate programme.' })
  nominatedAt!: Date | null;
}

@ObjectType({ description: 'A nomination for the advocate programme.', simpleResolvers: true })
class AdvocateNomination {
  @Field(() => ID) id!: number;
  memberId!: number;
  nominatedBy!: number;
  @Field(() => Float, { description: 'Their influence when nominated.' }) score!: number;
  @Field(() => Date) createdAt!: Date;
}

@Resolver(() => Member)
export class MemberInfluenceResolver {
  @FieldResolver(() => Influence, {
    nullable: true,
    description: 'Staff only: influence by outcomes (accepted answers, reach, askers helped, rank), with its parts.',
  })
  influence(@Root() member: Member, @Ctx() ctx: Context) {
    ctx.guardian.ensureCan('insights.read', null);
    return ctx.loaders.influenceByMemberId.load(member.id);
  }
}

@Resolver(() => HiddenInfluencer)
export class HiddenInfluencerResolver {
  @FieldResolver(() => Member)
  member(@Root() row: HiddenInfluencer, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(row.memberId);
  }

  @Query(() => [HiddenInfluencer], {
    description: 'Staff: members in the top decile of influence who are neither staff nor advocates, most first.',
  })
  async hiddenInfluencers(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
  ): Promise<HiddenInfluencer[]> {
    ctx.guardian.ensureCan('insights.read', null);
    const rows = await hiddenInfluencers(ctx.em, pageSize(first));
    return rows.map((r) => ({ ...r, why: whyHidden(r) }));
  }
}

@Resolver(() => AdvocateNomination)
export class AdvocateNominationResolver {
  @FieldResolver(() => Member)
  member(@Root() nomination: AdvocateNomination, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(nomination.memberId);
  }

  @FieldResolver(() => Member, { nullable: true })
  nominatedBy(@Root() nomination: AdvocateNomination, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(nomination.nominatedBy);
  }

  @Mutation(() => AdvocateNomination, {
    description:
      'Staff: nominate a member for the advocate programme (recorded, with an advocate.nominated event); CONFLICT for staff, advocates and members already nominated.',
  })
  nominateAdvocate(@Arg('memberId', () => ID) memberId: string, @Ctx() ctx: Context) {
    return nominateAdvocate(ctx, parseId(memberId, 'memberId'));
  }
}
