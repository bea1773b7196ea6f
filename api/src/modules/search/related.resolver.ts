import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ValidationError } from '../../platform/errors.js';
import { Thread } from '../community/thread.entity.js';
import type { SearchHit, SearchRef } from './search-index.js';
import { Article } from '../knowledge/article.entity.js';
import { hitUrl, SearchHit as SearchHitType } from './search.resolver.js';
import { similarQuestions } from './search.queries.js';

/** At most this many related items per thread. */
export const MAX_RELATED = 10;
/**
 * Related content is for one thread's page (an article's page later): a request may ask it of
 * this many threads; more (a list asking it per row) is refused rather than run as N searches.
 */
export const MAX_RELATED_THREADS_PER_REQUEST = 5;

/** What related content is asked for: a thread's or an article's page, and what to leave out. */
interface RelatedKey {
  /** Cache key, e.g. thread:12. */
  of: string;
  title: string;
  /** Fetched in the batch (a thread's question body); an article's issue is given. */
  questionPostId?: number | null;
  body?: string | null;
  /** Itself, and the thread or article it came from or became. */
  exclude: () => Promise<SearchRef[]>;
  first: number;
}

/** One loader per request: each thread's related items are computed once, however often asked. */
const loaders = new WeakMap<Context, DataLoader<RelatedKey, SearchHit[], string>>();

function relatedLoader(ctx: Context) {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<RelatedKey, SearchHit[], string>(
      async (keys) => {
        if (keys.length > MAX_RELATED_THREADS_PER_REQUEST) {
          const error = new ValidationError({
            related: `Ask for related content on at most ${MAX_RELATED_THREADS_PER_REQUEST} threads or articles per request.`,
          });
          return keys.map(() => error);
        }
        // The questions' bodies in one batch (the page loaded them already: the loader caches).
        const questions = await Promise.all(
          keys.map((k) => (k.questionPostId ? ctx.loaders.postById.load(k.questionPostId) : null)),
        );
        const excluded = await Promise.all(keys.map((k) => k.exclude()));
        // One similarity query per page (a bounded, indexed query; at most the cap above), in
        // turn so a request holds one connection.
        const results: SearchHit[][] = [];
        for (const [i, key] of keys.entries()) {
          const hits = await similarQuestions(ctx, {
            title: key.title,
            body: questions[i]?.body ?? key.body ?? null,
            // Room for what is left out.
            first: Math.min(key.first + 2, 20),
          });
          const skip = new Set(excluded[i]!.map((r) => `${r.kind}:${r.id}`));
          results.push(hits.filter((h) => !skip.has(`${h.kind}:${h.id}`)).slice(0, key.first));
        }
        return results;
      },
      { cacheKeyFn: (k) => `${k.of}:${k.first}` },
    );
    loaders.set(ctx, loader);
  }
  return loader;
}

function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_RELATED) {
    throw new ValidationError({ first: `first must be between 1 and ${MAX_RELATED}.` });
  }
}

@Resolver(() => Thread)
export class ThreadRelatedResolver {
  @FieldResolver(() => [SearchHitType], {
    description: `Solved threads and published articles like this one (not itself, nor the article made from it), as the viewer may read them; for a thread's page (at most ${MAX_RELATED_THREADS_PER_REQUEST} threads or articles per request).`,
  })
  async related(
    @Root() thread: Thread,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 5, description: `1–${MAX_RELATED}.` }) first = 5,
  ) {
    checkFirst(first);
    const hits = await relatedLoader(ctx).load({
      of: `thread:${thread.id}`,
      title: thread.title,
      questionPostId: thread.questionPostId,
      exclude: async () => {
        const own = await ctx.loaders.articleByThread.load(thread.id);
        return [{ kind: 'THREAD', id: thread.id }, ...(own ? [{ kind: 'ARTICLE' as const, id: own.id }] : [])];
      },
      first,
    });
    return hits.map((hit) => ({ ...hit, url: hitUrl(hit) }));
  }
}

@Resolver(() => Article)
export class ArticleRelatedResolver {
  @FieldResolver(() => [SearchHitType], {
    description: `Solved threads and published articles like this one (not itself, nor its source thread), as the viewer may read them; for an article's page.`,
  })
  async related(
    @Root() article: Article,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 5, description: `1–${MAX_RELATED}.` }) first = 5,
  ) {
    checkFirst(first);
    const hits = await relatedLoader(ctx).load({
      of: `article:${article.id}`,
      title: article.title,
      body: article.issue,
      exclude: async () => [
        { kind: 'ARTICLE', id: article.id },
        ...(article.sourceThreadId ? [{ kind: 'THREAD' as const, id: article.sourceThreadId }] : []),
      ],
      first,
    });
    return hits.map((hit) => ({ ...hit, url: hitUrl(hit) }));
  }
}
