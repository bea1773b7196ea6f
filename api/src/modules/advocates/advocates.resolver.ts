import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { parseId } from '../../graphql/pagination.js';
import { Member } from '../accounts/member.entity.js';
import { Category } from '../community/category.entity.js';
import { mayReadCategory } from '../community/visibility.js';
import { advocateChanges } from './advocates.queries.js';
import { setAdvocate } from './commands/set-advocate.js';

@InputType({ description: 'Whom, and why (kept in the audit trail).' })
class AdvocateInput {
  @Field(() => ID) memberId!: string;
  @Field(() => String, { description: '3–500 characters.' }) reason!: string;
}

@InputType({ description: 'Whom, why (kept in the audit trail), and in which categories.' })
class GrantAdvocateInput extends AdvocateInput {
  @Field(() => [ID], {
    nullable: true,
    description: 'The categories they champion (accepting answers there); omit or leave empty for every category.',
  })
  categoryIds?: string[] | null;
}

@ObjectType({ description: 'One grant or revoke of advocate status.', simpleResolvers: true })
class AdvocateChange {
  @Field(() => ID) id!: string;
  @Field(() => Boolean, { description: 'True for a grant, false for a revoke.' }) granted!: boolean;
  @Field(() => String) reason!: string;
  @Field(() => Date) createdAt!: Date;
  actorId!: number | null;
  categoryIds!: number[] | null;
}

/** The categories among `ids` the viewer may see; null stays null (every category). */
async function categoriesOf(ctx: Context, ids: number[] | null): Promise<Category[] | null> {
  if (!ids) return null;
  const categories = await ctx.loaders.categoryById.loadMany(ids);
  return categories.filter((c): c is Category => !!c && !(c instanceof Error) && mayReadCategory(ctx.viewer, c));
}

@Resolver(() => AdvocateChange)
export class AdvocateChangeResolver {
  @FieldResolver(() => Member, { nullable: true, description: 'The staff member who made the change.' })
  actor(@Root() change: AdvocateChange, @Ctx() ctx: Context) {
    return change.actorId ? ctx.loaders.memberById.load(change.actorId) : null;
  }

  @FieldResolver(() => [Category], {
    nullable: true,
    description: 'The categories a grant gave; null for every category, and for revokes.',
  })
  categories(@Root() change: AdvocateChange, @Ctx() ctx: Context) {
    return categoriesOf(ctx, change.categoryIds);
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

  @FieldResolver(() => [Category], {
    nullable: true,
    description: 'The categories an advocate champions; null when they champion every category, or are no advocate.',
  })
  advocateCategories(@Root() member: Member, @Ctx() ctx: Context) {
    return categoriesOf(ctx, member.isAdvocate ? member.advocateCategoryIds : null);
  }

  @Mutation(() => Member, {
    description: "Staff: make a member an advocate, or change an advocate's categories.",
  })
  grantAdvocate(@Arg('input', () => GrantAdvocateInput) input: GrantAdvocateInput, @Ctx() ctx: Context) {
    return setAdvocate(
      ctx,
      {
        memberId: parseId(input.memberId, 'memberId'),
        reason: input.reason,
        categoryIds: input.categoryIds?.map((id) => parseId(id, 'categoryIds')) ?? null,
      },
      true,
    );
  }

  @Mutation(() => Member, { description: 'Staff: take advocate status away.' })
  revokeAdvocate(@Arg('input', () => AdvocateInput) input: AdvocateInput, @Ctx() ctx: Context) {
    return setAdvocate(ctx, { memberId: parseId(input.memberId, 'memberId'), reason: input.reason }, false);
  }
}
