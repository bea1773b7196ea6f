import { Repeater } from '@graphql-yoga/subscription';
import type { Context } from '../../graphql/context.js';
import { releaseLiveContext, renewLiveContext } from '../../graphql/live-session.js';
import type { LiveMessage } from '../../platform/realtime/live-hub.js';

/**
 * A subscription's stream: the messages missed since the client's last id (`catchUp`, read
 * after the live topics are already being listened to, so nothing falls between the two; a
 * message seen in both is delivered once), then live messages as they come. Each message is
 * shown for the subscriber's viewer as of that moment: the context is renewed first, and
 * `present` returns null for what that viewer may not see, which is then not delivered.
 */
export function liveStream<T>(
  ctx: Context,
  opts: {
    kind: string;
    topics: string[];
    catchUp?: () => Promise<LiveMessage[]>;
    present: (message: LiveMessage, ctx: Context) => Promise<T | null>;
    /** Runs once the subscription ended (the client stopped it or went away). */
    onClose?: () => void;
  },
): AsyncIterable<T> {
  const { pubSub } = ctx.services.live;
  return new Repeater<T>(async (push, stop) => {
    // The subscribe-time checks are done: keep nothing they loaded while waiting for events.
    releaseLiveContext(ctx);
    const untrack = ctx.services.live.track(opts.kind);
    const sources = opts.topics.map((topic) => pubSub.subscribe(topic)[Symbol.asyncIterator]());
    // Catch-up and live overlap for messages sent while the catch-up was read: those are kept
    // here (at most one catch-up's worth) and not delivered twice.
    const caughtUp = new Set<string>();
    const key = (m: LiveMessage) => `${m.topic} ${m.id} ${m.kind}`;
    /** Live messages that arrived while the catch-up was read: delivered after it. */
    let early: LiveMessage[] | null = [];
    let queue = Promise.resolve();
    // One message at a time, in arrival order: a subscription's events never overtake each other.
    const deliver = (message: LiveMessage, fromCatchUp = false) => {
      queue = queue.then(async () => {
        if (fromCatchUp) caughtUp.add(key(message));
        else if (caughtUp.has(key(message))) return;
        if (!(await renewLiveContext(ctx))) return;
        const shown = await opts.present(message, ctx);
        if (shown !== null) await push(shown);
      });
      queue.catch((err: unknown) => stop(err));
    };
    const pumps = sources.map(async (source) => {
      for (;;) {
        const next = await source.next();
        if (next.done) return;
        if (early) early.push(next.value as LiveMessage);
        else deliver(next.value as LiveMessage);
      }
    });
    try {
      if (opts.catchUp) for (const message of await opts.catchUp()) deliver(message, true);
      const held = early;
      early = null;
      for (const message of held) deliver(message);
      await stop;
    } finally {
      untrack();
      opts.onClose?.();
      await Promise.all(sources.map((s) => s.return?.()));
      await Promise.allSettled(pumps);
    }
  });
}
