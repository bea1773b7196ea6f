import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ValidationError } from '../../platform/errors.js';
import { Thread } from '../community/thread.entity.js';
import type { SearchHit, SearchRef } from './search-index.js';
import { Article } from '../knowledge/article.entity.js';
import { hitUrl, SearchHit as SearchHitType } from './search.resolver.js';
import {
  claimRefresh,
  computeRelated,
  relatedKey,
  saveRelated,
  storedRelated,
  visibleRelated,
  type RelatedOf,
} from './related-items.js';

/** At most this many related items per thread. */
export const MAX_RELATED = 10;
/**
 * Related content is for one thread's page (an article's page later): a request may ask it of
 * this many threads; more (a list asking it per row) is refused rather than run as N searches.
 */
export const MAX_RELATED_THREADS_PER_REQUEST = 5;

/** What related content is asked for: a thread's or an article's page, and what to leave out. */
interface RelatedKey {
  of: RelatedOf;
  /** Itself, and the thread or article it came from or became (one may have been made since the list was stored). */
  exclude: () => Promise<SearchRef[]>;
  first: number;
}

/** One loader per request: each page's related items are read once, however often asked. */
const loaders = new WeakMap<Context, DataLoader<RelatedKey, SearchHit[], string>>();

/**
 * Related items come from the stored lists (related-items.ts), filtered for the viewer: a page
 * view runs no similarity search, except once for an item whose list was never computed (then
 * stored). A list past its freshness is answered as stored and refreshed by a job.
 */
async function loadRelated(ctx: Context, keys: readonly RelatedKey[]): Promise<SearchHit[][]> {
  const items = [...new Map(keys.map((k) => [relatedKey(k.of), k.of])).values()];
  const { stored, due } = await storedRelated(ctx.em, items);
  // In turn, so a request holds one connection (at most the cap above, and only once per item).
  for (const item of items.filter((i) => !stored.has(relatedKey(i)))) {
    const candidates = await computeRelated(ctx.em, ctx.services, item);
    if (candidates) await saveRelated(ctx.em, item, candidates, { replace: false });
  }
  const lists = await visibleRelated(ctx.em, ctx.viewer, items);
  for (const item of await claimRefresh(ctx.em, due)) {
    await ctx.services.jobs.send('search.related.refresh', item);
  }
  const excluded = await Promise.all(keys.map((k) => k.exclude()));
  return keys.map((key, i) => {
    const skip = new Set(excluded[i]!.map(relatedKey));
    return lists
      .get(relatedKey(key.of))!
      .filter((h) => !skip.has(relatedKey(h)))
      .slice(0, key.first);
  });
}

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
        return loadRelated(ctx, keys);
      },
      { cacheKeyFn: (k) => `${relatedKey(k.of)}:${k.first}` },
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
      of: { kind: 'THREAD', id: thread.id },
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
      of: { kind: 'ARTICLE', id: article.id },
      exclude: async () => [
        { kind: 'ARTICLE', id: article.id },
        ...(article.sourceThreadId ? [{ kind: 'THREAD' as const, id: article.sourceThreadId }] : []),
      ],
      first,
    });
    return hits.map((hit) => ({ ...hit, url: hitUrl(hit) }));
  }
}
