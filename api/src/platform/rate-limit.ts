import { createHash } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from './errors.js';

export interface Limit {
  /** Names the limit in error messages, e.g. "login attempts". */
  label: string;
  points: number;
  durationSeconds: number;
}

/**
 * Fixed-window counters stored in PostgreSQL (`rate_limits`), so every API instance shares them.
 * `consume` throws RATE_LIMITED saying which limit was hit and when it lifts.
 */
export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterPostgres>();

  constructor(private readonly knex: Knex) {}

  private limiter(limit: Limit): RateLimiterPostgres {
    const key = `${limit.label}:${limit.points}:${limit.durationSeconds}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new RateLimiterPostgres({
        storeClient: this.knex,
        storeType: 'knex',
        tableName: 'rate_limits',
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix: key,
        points: limit.points,
        duration: limit.durationSeconds,
      });
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  async consume(limit: Limit, key: string): Promise<void> {
    try {
      await this.limiter(limit).consume(storedKey(key));
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
        throw new RateLimitedError(
          `Too many ${limit.label}: at most ${limit.points} per ${describe(limit.durationSeconds)}. Try again in ${seconds} s.`,
          seconds,
        );
      }
      throw err;
    }
  }

  async reset(limit: Limit, key: string): Promise<void> {
    await this.limiter(limit).delete(storedKey(key));
  }

  /** Deletes expired counters; run periodically by the server. */
  async purgeExpired(): Promise<void> {
    await this.knex.raw('delete from rate_limits where expire < ?', [Date.now()]);
  }
}

/**
 * `rate_limits.key` is varchar(255) and keys can carry client input (a login name), so a long key
 * is stored as its SHA-256: same counter for the same input, never a "value too long" error.
 */
const MAX_PLAIN_KEY = 160;
function storedKey(key: string): string {
  return key.length <= MAX_PLAIN_KEY ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

function describe(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? 'hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? 'minute' : `${seconds / 60} minutes`;
  return `${seconds} s`;
}
