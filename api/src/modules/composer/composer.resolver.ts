import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ValidationError } from '../../platform/errors.js';
import { Member } from '../accounts/member.entity.js';
import { normalizeTags } from '../community/post.rules.js';
import { consumeComposerRequest } from './composer-limits.js';
import { previewMarkdown } from './preview.js';
import { memberIdsByHandlePrefix, tagExists, tagsByPrefix } from './suggestions.queries.js';

const MAX_SUGGESTIONS = 10;
/** Handles are 3–20 characters of letters, digits, _ and -: any other prefix matches nobody. */
const HANDLE_PREFIX = /^[A-Za-z0-9_-]{1,20}$/;

@ObjectType({
  description: 'An existing tag and how many threads the viewer can list carry it.',
  simpleResolvers: true,
})
class TagSuggestion {
  @Field(() => String) name!: string;
  @Field(() => Int) threadCount!: number;
}

@ObjectType({
  description: 'A typed tag that is not in the vocabulary yet: posting it creates it.',
  simpleResolvers: true,
})
class NewTag {
  @Field(() => String, { description: 'The tag as it would be stored (lower case, spaces as -).' }) name!: string;
  @Field(() => Boolean, { description: 'Whether the viewer may create it (the createTags privilege).' })
  allowed!: boolean;
  @Field(() => String, { nullable: true, description: 'Why not, e.g. "You need 300 reputation to create new tags…".' })
  reason!: string | null;
  @Field(() => Int, { description: 'Reputation the createTags privilege needs.' }) reputationNeeded!: number;
}

@ObjectType({ simpleResolvers: true })
class TagSuggestions {
  @Field(() => [TagSuggestion], { description: 'Existing tags starting with the prefix, most used first.' })
  tags!: TagSuggestion[];
  @Field(() => NewTag, {
    nullable: true,
    description: 'Set when the prefix, taken as a whole tag, is valid and does not exist yet.',
  })
  newTag!: NewTag | null;
}

const limitOf = (first: number): number => {
  if (!Number.isInteger(first) || first < 1 || first > MAX_SUGGESTIONS) {
    throw new ValidationError({ first: `first must be between 1 and ${MAX_SUGGESTIONS}.` });
  }
  return first;
};

/** What the composer asks while a member writes: a preview and suggestions. */
@Resolver()
export class ComposerResolver {
  @Query(() => String, {
    description:
      'Markdown rendered to HTML exactly as a post with this body would be stored (same renderer and sanitizer). ' +
      'Signed-in members; at most as long as a post body; rate limited (composerRequestsPerMinute).',
  })
  previewMarkdown(@Arg('body', () => String) body: string, @Ctx() ctx: Context): Promise<string> {
    return previewMarkdown(ctx, body);
  }

  @Query(() => TagSuggestions, {
    description: 'Tags for a tag being typed (rate limited like previews), and whether it would be a new one.',
  })
  async tagSuggestions(
    @Arg('prefix', () => String) prefix: string,
    @Arg('first', () => Int, { defaultValue: 8 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<TagSuggestions> {
    const limit = limitOf(first);
    await consumeComposerRequest(ctx);
    const errors = {};
    const [name] = prefix.length <= 60 ? normalizeTags([prefix], errors) : [];
    if (!name) return { tags: [], newTag: null };
    const tags = await tagsByPrefix(ctx.em, ctx.viewer, name, limit);
    const valid = Object.keys(errors).length === 0;
    const exists = tags.some((t) => t.name === name) || (await tagExists(ctx.em, name));
    if (!valid || exists) return { tags, newTag: null };
    const decision = ctx.guardian.check('tag.create', { tags: [name] });
    return {
      tags,
      newTag: {
        name,
        allowed: decision.allowed,
        reason: decision.allowed ? null : decision.reason,
        reputationNeeded: ctx.settings.reputation.privileges.createTags,
      },
    };
  }

  @Query(() => [Member], {
    description:
      'Members to mention, by the start of their handle (signed-in members; rate limited like previews). ' +
      'Sign-ups held for approval and suspended members are left out.',
  })
  async memberSuggestions(
    @Arg('prefix', () => String) prefix: string,
    @Arg('first', () => Int, { defaultValue: 8 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<Member[]> {
    ctx.guardian.requireViewer();
    const limit = limitOf(first);
    await consumeComposerRequest(ctx);
    if (!HANDLE_PREFIX.test(prefix)) return [];
    const ids = await memberIdsByHandlePrefix(ctx.em, prefix, limit);
    const members = await ctx.loaders.memberById.loadMany(ids);
    return members.filter((m): m is Member => m !== null && !(m instanceof Error));
  }
}
