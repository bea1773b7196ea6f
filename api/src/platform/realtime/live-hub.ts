import type { EntityManager } from '@mikro-orm/postgresql';
import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { PgListener } from '../db/listener.js';
import { sql } from '../db/sql.js';
import { logger } from '../logger.js';

/** The PostgreSQL channel every API instance listens on for live messages. */
export const LIVE_CHANNEL = 'hearth_live';
/** NOTIFY payloads are limited to 8,000 bytes: messages carry ids, never records. */
const MAX_PAYLOAD_BYTES = 7_900;

/**
 * One live message: `topic` names who may care (`thread:12`, `member:7`, `review-queue`…),
 * `id` orders it (a domain event's id), `kind` says what happened; `data` holds ids only.
 */
export interface LiveMessage {
  topic: string;
  id: string;
  kind: string;
  data?: Record<string, string | number | boolean | null>;
}

export type LivePubSub = PubSub<Record<string, [LiveMessage]>>;

/**
 * Queues `messages` for every API instance, in the transaction `tx`: PostgreSQL delivers a
 * NOTIFY only when its transaction commits, so nothing is published for a write that rolled
 * back, and nothing before its commit.
 */
export async function publishLive(tx: EntityManager, messages: LiveMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const payloads = messages.map((m) => {
    const text = JSON.stringify(m);
    if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) throw new Error(`live message for ${m.topic} is too large`);
    return text;
  });
  await sql(tx, `select pg_notify('${LIVE_CHANNEL}', m) from jsonb_array_elements_text(?::jsonb) m`, [
    JSON.stringify(payloads),
  ]);
}

/**
 * This instance's end of the live channel: LISTENs on its own connection and republishes each
 * message to the in-process PubSub that GraphQL subscriptions read. An event committed on any
 * instance therefore reaches the clients connected to every instance. Messages sent while the
 * connection was down are lost; `onReconnect` tells subscribers to catch up from their last id.
 */
export class LiveHub {
  readonly pubSub: LivePubSub = createPubSub<Record<string, [LiveMessage]>>();
  private readonly listener: PgListener | null;
  private readonly reconnectHandlers = new Set<() => void>();
  /**
   * Per member, how many changes to their standing this instance has heard of. Bumped as each
   * message is received, before it is passed on, so a subscription delivering a later message
   * already knows its viewer is out of date.
   */
  private readonly standing = new Map<number, number>();
  /** Changes to anyone's standing heard so far (see LiveSession.standing). */
  standingChanges = 0;
  /** Open subscriptions on this instance, by kind (for /metrics and the bench). */
  readonly open = new Map<string, number>();
  received = 0;

  constructor(url: string | null) {
    this.listener = url ? new PgListener(url) : null;
    this.listener?.on(LIVE_CHANNEL, (payload) => this.receive(payload));
    this.listener?.onReconnect(() => this.reconnectHandlers.forEach((h) => h()));
  }

  async start(): Promise<void> {
    await this.listener?.start();
  }

  async stop(): Promise<void> {
    await this.listener?.stop();
  }

  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => this.reconnectHandlers.delete(handler);
  }

  /** Counts an open subscription of `kind` until the returned function is called. */
  track(kind: string): () => void {
    this.open.set(kind, (this.open.get(kind) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.open.set(kind, (this.open.get(kind) ?? 1) - 1);
    };
  }

  /** See `standing`: compare before and after to know whether a member changed meanwhile. */
  standingOf(memberId: number): number {
    return this.standing.get(memberId) ?? 0;
  }

  private receive(payload: string): void {
    let message: LiveMessage;
    try {
      message = JSON.parse(payload) as LiveMessage;
    } catch {
      logger.warn('live: ignored a malformed message', { payload: payload.slice(0, 200) });
      return;
    }
    this.received += 1;
    const member = /^member:(\d+)$/.exec(message.topic);
    if (member) {
      this.standing.set(Number(member[1]), this.standingOf(Number(member[1])) + 1);
      this.standingChanges += 1;
    }
    this.pubSub.publish(message.topic, message);
  }
}
