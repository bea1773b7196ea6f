import { Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Member } from '../accounts/member.entity.js';
import { BADGES, badgeByKey, type BadgeDefinition } from './badge.definitions.js';
import { memberBadges } from './badges.queries.js';

enum BadgeTierEnum {
  BRONZE = 'BRONZE',
  SILVER = 'SILVER',
  GOLD = 'GOLD',
}
registerEnumType(BadgeTierEnum, { name: 'BadgeTier' });

@ObjectType({ description: 'A badge definition.', simpleResolvers: true })
class Badge {
  @Field(() => ID) key!: string;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => BadgeTierEnum) tier!: BadgeTierEnum;
  @Field(() => Boolean, { description: 'Earned once per post rather than once.' }) perPost!: boolean;
  @Field(() => Boolean, { description: 'False while the feature that awards it does not exist yet.' })
  awardable!: boolean;
}

const toBadge = (d: BadgeDefinition): Badge => ({
  key: d.key,
  name: d.name,
  description: d.description,
  tier: d.tier as BadgeTierEnum,
  perPost: d.perPost,
  awardable: d.query !== null,
});

@ObjectType({ description: 'A badge a member holds.', simpleResolvers: true })
class MemberBadge {
  @Field(() => Badge) badge!: Badge;
  @Field(() => Int, { description: 'Times earned (per-post badges can be earned many times).' }) count!: number;
  @Field(() => String, { description: 'Why it was earned (the latest time).' }) reason!: string;
  @Field(() => ID, { nullable: true, description: 'The post it was earned for (the latest time).' }) postId!:
    number | null;
  @Field(() => Date) firstAwardedAt!: Date;
  @Field(() => Date) lastAwardedAt!: Date;
}

@ObjectType({ description: 'How many badges of each tier a member holds.', simpleResolvers: true })
class BadgeCounts {
  @Field(() => Int) gold!: number;
  @Field(() => Int) silver!: number;
  @Field(() => Int) bronze!: number;
}

@Resolver(() => Badge)
export class BadgeResolver {
  @Query(() => [Badge], { description: 'Every badge, gold first.' })
  badges(): Badge[] {
    const order = { GOLD: 0, SILVER: 1, BRONZE: 2 };
    return BADGES.map(toBadge).sort((a, b) => order[a.tier] - order[b.tier]);
  }

  @FieldResolver(() => Int, { description: 'How many members hold it.' })
  holders(@Root() badge: Badge, @Ctx() ctx: Context) {
    return ctx.loaders.badgeHolders.load(badge.key);
  }
}

@Resolver(() => Member)
export class MemberBadgesResolver {
  @FieldResolver(() => [MemberBadge], { description: 'Badges held, most recently earned first.' })
  async badges(@Root() member: Member, @Ctx() ctx: Context): Promise<MemberBadge[]> {
    const rows = await memberBadges(ctx.em, ctx.viewer, member.id);
    return rows.map((r) => ({ ...r, badge: toBadge(badgeByKey.get(r.badge)!) }));
  }

  @FieldResolver(() => BadgeCounts)
  async badgeCounts(@Root() member: Member, @Ctx() ctx: Context): Promise<BadgeCounts> {
    const c = await ctx.loaders.badgeTiersByMemberId.load(member.id);
    return { gold: c.GOLD, silver: c.SILVER, bronze: c.BRONZE };
  }
}
