import { afterEach, describe, expect, it } from 'vitest';
import { logger, requestScope } from './logger.js';

function capture() {
  const lines: Record<string, any>[] = [];
  logger.useDestination({ write: (chunk: string) => void lines.push(JSON.parse(chunk)) });
  return lines;
}

afterEach(() => logger.setLevel('info'));

describe('logger', () => {
  it('writes one JSON line per event: numeric level, ISO time, msg and the fields', () => {
    const lines = capture();
    logger.setLevel('info');
    logger.info('seeded the demo community', { ms: 12 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'seeded the demo community', ms: 12, pid: process.pid });
    expect(new Date(lines[0]!.time).toISOString()).toBe(lines[0]!.time);
    expect(lines[0]).not.toHaveProperty('requestId');
  });

  it('adds the id of the request being served, also across awaits', async () => {
    const lines = capture();
    await requestScope.run({ requestId: 'req-7', sqlStatements: 0 }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      logger.error('unexpected error', { error: new TypeError('boom') });
    });
    expect(lines[0]).toMatchObject({ level: 50, requestId: 'req-7', msg: 'unexpected error' });
    expect(lines[0]!.error).toMatchObject({ type: 'TypeError', message: 'boom' });
    expect(lines[0]!.error.stack).toContain('TypeError: boom');
  });

  it('drops events below the configured level', () => {
    const lines = capture();
    logger.setLevel('warn');
    logger.debug('noise');
    logger.info('noise');
    logger.warn('retrying transaction', { attempt: 2 });
    expect(lines.map((l) => [l.level, l.msg])).toEqual([[40, 'retrying transaction']]);
    expect(logger.isLevelEnabled('info')).toBe(false);
  });
});
