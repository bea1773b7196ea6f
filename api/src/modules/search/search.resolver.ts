import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageInfo, parseId } from '../../graphql/pagination.js';
import { ValidationError } from '../../platform/errors.js';
import { Member } from '../accounts/member.entity.js';
import { Thread } from '../community/thread.entity.js';
import { Article } from '../knowledge/article.entity.js';
import type { SearchHit as Hit, SearchKind as Kind } from './search-index.js';
import { searchPageSize } from './search-input.js';
import { search, similarQuestions } from './search.queries.js';

enum SearchKind {
  THREAD = 'THREAD',
  POST = 'POST',
  ARTICLE = 'ARTICLE',
  MEMBER = 'MEMBER',
}
registerEnumType(SearchKind, { name: 'SearchKind', description: 'What a search hit is.' });

enum SearchSort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
}
registerEnumType(SearchSort, { name: 'SearchSort' });

@InputType()
class SearchFilterInput {
  @Field(() => [SearchKind], {
    nullable: true,
    description:
      'Only these kinds. Threads and replies together (the default) give one hit per thread (by relevance its question when that matches, else its best reply; for NEWEST its newest match); replies alone list every matching reply.',
  })
  kinds?: SearchKind[] | null;
  @Field(() => ID, { nullable: true, description: 'Threads and replies in this category.' })
  categoryId?: string | null;
  @Field(() => [String], { nullable: true, description: 'Threads and replies with all of these tags (at most 5).' })
  tags?: string[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Threads and replies whose thread has (or has not) an accepted answer.',
  })
  solved?: boolean | null;
  @Field(() => Date, { nullable: true, description: 'Only what was created after this instant.' })
  createdAfter?: Date | null;
}

@ObjectType({ description: 'One thing search found, as the viewer may read it.', simpleResolvers: true })
export class SearchHit {
  @Field(() => SearchKind) kind!: Kind;
  @Field(() => String, { description: "A thread's or article's title, a reply's thread title, a member's handle." })
  title!: string;
  @Field(() => String, { description: 'Text around the matches, HTML-escaped, matches in <mark>.' })
  snippetHtml!: string;
  @Field(() => String, { description: 'Its path in the web app.' }) url!: string;
  @Field(() => Date) createdAt!: Date;
  id!: number;
  threadId!: number | null;
}

@ObjectType({
  description: 'A count capped at the engine’s limit: 1,000 not exact reads "1,000+".',
  simpleResolvers: true,
})
class SearchTotal {
  @Field(() => Int) value!: number;
  @Field(() => Boolean) exact!: boolean;
}

@ObjectType({ simpleResolvers: true })
class SearchHitEdge {
  @Field(() => String) cursor!: string;
  @Field(() => SearchHit) node!: SearchHit;
}

@ObjectType({ simpleResolvers: true })
class SearchResults {
  @Field(() => [SearchHitEdge]) edges!: SearchHitEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => SearchTotal) total!: SearchTotal;
  @Field(() => Boolean, { description: 'The configured engine is down: PostgreSQL answered instead.' })
  degraded!: boolean;
  @Field(() => String, { description: 'The engine that answered: postgres or meilisearch.' }) engine!: string;
}

/** The web app's path of a hit (routes.ts: /t/:id with #post-<id> anchors, /u/:handle, /kb/:id). */
export function hitUrl(hit: Pick<Hit, 'kind' | 'id' | 'threadId' | 'title'>): string {
  switch (hit.kind) {
    case 'THREAD':
      return `/t/${hit.id}`;
    case 'POST':
      return `/t/${hit.threadId}#post-${hit.id}`;
    case 'ARTICLE':
      return `/kb/${hit.id}`;
    case 'MEMBER':
      return `/u/${encodeURIComponent(hit.title)}`;
  }
}

const toNode = (hit: Hit): SearchHit => ({ ...hit, url: hitUrl(hit) });

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => SearchResults, { description: 'One search over threads, replies, articles and members.' })
  async search(
    @Ctx() ctx: Context,
    @Arg('query', () => String, { description: 'At most 200 characters and 16 words; "quotes", -not and or work.' })
    query: string,
    @Arg('filter', () => SearchFilterInput, { nullable: true }) filter?: SearchFilterInput | null,
    @Arg('sort', () => SearchSort, { defaultValue: SearchSort.RELEVANCE }) sort: SearchSort = SearchSort.RELEVANCE,
    @Arg('first', () => Int, { nullable: true, description: '1–50, default 20.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<SearchResults> {
    const result = await search(ctx, {
      query,
      filter: {
        kinds: filter?.kinds ?? undefined,
        categoryId: filter?.categoryId == null ? undefined : parseId(filter.categoryId, 'categoryId'),
        tags: filter?.tags ?? undefined,
        solved: filter?.solved ?? undefined,
        createdAfter: filter?.createdAfter ?? undefined,
      },
      sort,
      first: searchPageSize(first),
      after: after ?? null,
    });
    return {
      edges: result.hits.map((hit) => ({ cursor: hit.cursor, node: toNode(hit) })),
      pageInfo: { hasNextPage: result.hasNextPage, endCursor: result.endCursor },
      total: result.total,
      degraded: result.degraded,
      engine: result.engine,
    };
  }

  @Query(() => [SearchHit], { description: 'Solved questions and published articles like a question being asked.' })
  async similarQuestions(
    @Ctx() ctx: Context,
    @Arg('title', () => String) title: string,
    @Arg('body', () => String, { nullable: true }) body?: string | null,
    @Arg('first', () => Int, { defaultValue: 5, description: '1–20.' }) first = 5,
  ): Promise<SearchHit[]> {
    if (!Number.isInteger(first) || first < 1 || first > 20) {
      throw new ValidationError({ first: 'first must be between 1 and 20.' });
    }
    return (await similarQuestions(ctx, { title, body, first })).map(toNode);
  }

  @FieldResolver(() => Thread, { nullable: true, description: 'The thread of a THREAD or POST hit.' })
  thread(@Root() hit: SearchHit, @Ctx() ctx: Context) {
    return hit.threadId === null ? null : ctx.loaders.threadById.load(hit.threadId);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The member of a MEMBER hit.' })
  member(@Root() hit: SearchHit, @Ctx() ctx: Context) {
    return hit.kind === 'MEMBER' ? ctx.loaders.memberById.load(hit.id) : null;
  }

  @FieldResolver(() => Article, { nullable: true, description: 'The knowledge article of an ARTICLE hit.' })
  article(@Root() hit: SearchHit, @Ctx() ctx: Context) {
    return hit.kind === 'ARTICLE' ? ctx.loaders.articleById.load(hit.id) : null;
  }
}
