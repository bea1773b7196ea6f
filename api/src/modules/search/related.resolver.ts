import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, getMetadataStorage, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ValidationError } from '../../platform/errors.js';
import { Thread } from '../community/thread.entity.js';
import type { SearchHit } from './search-index.js';
import { hitUrl, SearchResolver } from './search.resolver.js';
import { similarQuestions } from './search.queries.js';

/** At most this many related items per thread. */
export const MAX_RELATED = 10;
/**
 * Related content is for one thread's page (an article's page later): a request may ask it of
 * this many threads; more (a list asking it per row) is refused rather than run as N searches.
 */
export const MAX_RELATED_THREADS_PER_REQUEST = 5;

/**
 * The GraphQL SearchHit class, as `similarQuestions` returns it. search.resolver.ts does not
 * export the class (and belongs to the search API's owner), so it is read from the resolver's
 * metadata. TODO(after merge): export SearchHit from search.resolver.ts and import it here.
 */
function searchHitClass(): new () => unknown {
  const query = getMetadataStorage().queries.find(
    (q) => q.target === SearchResolver && q.methodName === 'similarQuestions',
  );
  const type = query?.getReturnType();
  if (typeof type !== 'function') throw new Error('similarQuestions has no SearchHit return type');
  return type as new () => unknown;
}

type RelatedKey = { thread: Thread; first: number };

/** One loader per request: each thread's related items are computed once, however often asked. */
const loaders = new WeakMap<Context, DataLoader<RelatedKey, SearchHit[], string>>();

function relatedLoader(ctx: Context) {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<RelatedKey, SearchHit[], string>(
      async (keys) => {
        const threads = new Set(keys.map((k) => k.thread.id));
        if (threads.size > MAX_RELATED_THREADS_PER_REQUEST) {
          const error = new ValidationError({
            related: `Ask for related content on at most ${MAX_RELATED_THREADS_PER_REQUEST} threads per request.`,
          });
          return keys.map(() => error);
        }
        // The questions' bodies in one batch (the page loaded them already: the loader caches).
        const questions = await Promise.all(
          keys.map((k) => (k.thread.questionPostId ? ctx.loaders.postById.load(k.thread.questionPostId) : null)),
        );
        const articles = await Promise.all(keys.map((k) => ctx.loaders.articleByThread.load(k.thread.id)));
        // One similarity query per thread (a bounded, indexed query; at most the cap above), in turn
        // so a request holds one connection.
        const results: SearchHit[][] = [];
        for (const [i, { thread, first }] of keys.entries()) {
          const hits = await similarQuestions(ctx, {
            title: thread.title,
            body: questions[i]?.body ?? null,
            // Room for the thread itself and its article, which are left out.
            first: Math.min(first + 2, 20),
          });
          const own = articles[i]?.id;
          results.push(
            hits
              .filter((h) => !(h.kind === 'THREAD' && h.id === thread.id))
              .filter((h) => !(h.kind === 'ARTICLE' && h.id === own))
              .slice(0, first),
          );
        }
        return results;
      },
      { cacheKeyFn: (k) => `${k.thread.id}:${k.first}` },
    );
    loaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => Thread)
export class ThreadRelatedResolver {
  @FieldResolver(() => [searchHitClass()], {
    description: `Solved threads and published articles like this one (not itself, nor the article made from it), as the viewer may read them; for a thread's page (at most ${MAX_RELATED_THREADS_PER_REQUEST} threads per request).`,
  })
  async related(
    @Root() thread: Thread,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 5, description: `1–${MAX_RELATED}.` }) first = 5,
  ) {
    if (!Number.isInteger(first) || first < 1 || first > MAX_RELATED) {
      throw new ValidationError({ first: `first must be between 1 and ${MAX_RELATED}.` });
    }
    const hits = await relatedLoader(ctx).load({ thread, first });
    return hits.map((hit) => ({ ...hit, url: hitUrl(hit) }));
  }
}
