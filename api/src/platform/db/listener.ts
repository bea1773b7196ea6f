import pg from 'pg';
import { logger } from '../logger.js';

type Handler = (payload: string) => void;

/**
 * One dedicated connection LISTENing for PostgreSQL notifications (NOTIFY is delivered only
 * when the notifying transaction commits, so a handler never hears of a write that rolled back).
 * A lost connection is re-opened with backoff; since notifications sent meanwhile are gone,
 * `onReconnect` handlers run after every re-connection so callers can catch up.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private readonly handlers = new Map<string, Handler[]>();
  private readonly reconnectHandlers: (() => void)[] = [];
  private stopped = false;
  private retryMs = 250;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly url: string) {}

  on(channel: string, handler: Handler): void {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`PgListener: bad channel name ${channel}`);
    this.handlers.set(channel, [...(this.handlers.get(channel) ?? []), handler]);
  }

  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'hearth-listener' });
    client.on('notification', (msg) => {
      for (const handler of this.handlers.get(msg.channel) ?? []) handler(msg.payload ?? '');
    });
    client.on('error', (err) => {
      logger.warn('notification listener lost its connection', { err: String(err) });
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`listen ${channel}`);
    this.client = client;
    this.retryMs = 250;
  }

  private lost(client: pg.Client): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.retryTimer = setTimeout(() => {
      this.connect().then(
        () => this.reconnectHandlers.forEach((h) => h()),
        (err) => {
          logger.warn('notification listener could not reconnect; retrying', { err: String(err) });
          this.retryMs = Math.min(this.retryMs * 2, 10_000);
          this.scheduleReconnect();
        },
      );
    }, this.retryMs);
    this.retryTimer.unref();
  }
}
