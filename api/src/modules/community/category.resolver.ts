import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { parseId } from '../../graphql/pagination.js';
import { NotFoundError } from '../../platform/errors.js';
import { Category } from './category.entity.js';
import { createCategory, updateCategory } from './commands/manage-category.js';
import { reorderCategories } from './commands/reorder-categories.js';
import { CreateCategoryInput, UpdateCategoryInput } from './community.inputs.js';
import { listCategories } from './community.queries.js';
import { mayReadCategory } from './visibility.js';

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => [Category], { description: 'Categories the viewer may read, in display order.' })
  categories(@Ctx() ctx: Context): Promise<Category[]> {
    return listCategories(ctx.em, ctx.viewer);
  }

  @Query(() => [Category], {
    description: 'Administrators: every category in display order, for the admin area (FORBIDDEN for others).',
  })
  adminCategories(@Ctx() ctx: Context): Promise<Category[]> {
    ctx.guardian.ensureCan('category.administer', null);
    return listCategories(ctx.em, ctx.viewer);
  }

  @Query(() => Category, { nullable: true })
  async category(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context): Promise<Category> {
    const category = await ctx.em.findOne(Category, { slug: slug.slice(0, 60) });
    if (!category || !mayReadCategory(ctx.viewer, category)) throw new NotFoundError('Category');
    return category;
  }

  @Mutation(() => Category, { description: 'Admins only.' })
  createCategory(@Arg('input', () => CreateCategoryInput) input: CreateCategoryInput, @Ctx() ctx: Context) {
    return createCategory(ctx, input);
  }

  @Mutation(() => Category, { description: 'Admins only; omitted fields are unchanged.' })
  updateCategory(@Arg('input', () => UpdateCategoryInput) input: UpdateCategoryInput, @Ctx() ctx: Context) {
    return updateCategory(ctx, parseId(input.id), input);
  }

  @Mutation(() => [Category], {
    description:
      'Admins only: the display order of every category, first to last (each exactly once). Returns them in the new order.',
  })
  reorderCategories(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<Category[]> {
    return reorderCategories(
      ctx,
      ids.map((id) => parseId(id, 'ids')),
    );
  }
}
