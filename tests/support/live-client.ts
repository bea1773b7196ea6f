import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface LiveSubscription<T = any> {
  /** Results received so far (data, or errors). */
  results: { data?: T; errors?: { message: string; extensions?: Record<string, any> }[] }[];
  /** Waits for a result matching `match` (default: the next one not yet taken). */
  next(match?: (data: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Waits for the subscription to end with an error; resolves with it. */
  error(timeoutMs?: number): Promise<unknown>;
  /** Fails when a result matching `match` arrives within `ms`. */
  nothingFor(ms: number, match?: (data: T) => boolean): Promise<void>;
  close(): void;
}

export interface LiveClient {
  subscribe<T = any>(query: string, variables?: Record<string, unknown>): LiveSubscription<T>;
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

/** A graphql-ws client on an API's /graphql, authenticated like the web app's connection. */
export function liveClient(apiUrl: string, token?: string | null): LiveClient {
  let resolveClosed!: (v: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((r) => (resolveClosed = r));
  const client: Client = createClient({
    url: apiUrl.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    // A refused or closed connection is asserted on through `closed`, not logged.
    onNonLazyError: () => undefined,
    on: { closed: (event) => resolveClosed(event as { code: number; reason: string }) },
  });
  return {
    closed,
    subscribe<T>(query: string, variables: Record<string, unknown> = {}) {
      const results: LiveSubscription<T>['results'] = [];
      const waiters = new Set<() => void>();
      let failure: unknown = null;
      let taken = 0;
      const notify = () => waiters.forEach((w) => w());
      const stop = client.subscribe<T>(
        { query, variables },
        {
          next: (value) => {
            results.push(value as LiveSubscription<T>['results'][number]);
            notify();
          },
          error: (err) => {
            failure = err ?? new Error('subscription failed');
            notify();
          },
          complete: () => notify(),
        },
      );
      const waitFor = <R>(check: () => R | undefined, timeoutMs: number, what: string) =>
        new Promise<R>((resolve, reject) => {
          const attempt = () => {
            const found = check();
            if (found === undefined) return false;
            waiters.delete(attempt);
            clearTimeout(timer);
            resolve(found);
            return true;
          };
          const timer = setTimeout(() => {
            waiters.delete(attempt);
            reject(new Error(`${what}: nothing within ${timeoutMs} ms; got ${JSON.stringify(results)}`));
          }, timeoutMs);
          if (!attempt()) waiters.add(attempt);
        });
      return {
        results,
        next(match, timeoutMs = 10_000) {
          return waitFor<T>(
            () => {
              for (let i = taken; i < results.length; i++) {
                const data = results[i]!.data;
                if (data !== undefined && (!match || (match as (d: unknown) => boolean)(data))) {
                  taken = i + 1;
                  return data;
                }
              }
              return undefined;
            },
            timeoutMs,
            'live result',
          );
        },
        error(timeoutMs = 10_000) {
          return waitFor(
            () => failure ?? results.find((r) => r.errors?.length)?.errors ?? undefined,
            timeoutMs,
            'live error',
          );
        },
        async nothingFor(ms, match) {
          const before = results.length;
          await new Promise((r) => setTimeout(r, ms));
          const extra = results
            .slice(before)
            .filter((r) => r.data !== undefined && (!match || (match as (d: unknown) => boolean)(r.data)));
          if (extra.length) throw new Error(`unexpected live results: ${JSON.stringify(extra)}`);
        },
        close: stop,
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}
