import { describe, expect, it } from 'vitest';
import { logger } from './logger.js';
import { counter, gauge, metricsAccess, OperationLabels, onScrape, registry, renderMetrics } from './metrics.js';

describe('operation labels', () => {
  it('keeps parsed names up to the cap, then says "other"; no name is "anonymous"', () => {
    const labels = new OperationLabels(2);
    expect(labels.label(undefined)).toBe('anonymous');
    expect(labels.label('ThreadPage')).toBe('ThreadPage');
    expect(labels.label('Home')).toBe('Home');
    expect(labels.label('Third')).toBe('other');
    expect(labels.label('ThreadPage')).toBe('ThreadPage');
    expect(new OperationLabels(10).label('x'.repeat(65))).toBe('other');
    expect(new OperationLabels(10).label('bad name"}')).toBe('other');
  });
});

describe('metrics access', () => {
  const req = (remoteAddress: string, headers: Record<string, string> = {}) => ({ headers, remoteAddress });

  it('without a token: direct loopback clients only, not requests a proxy forwarded', () => {
    expect(metricsAccess(req('127.0.0.1'), undefined)).toBe('allowed');
    expect(metricsAccess(req('::1'), undefined)).toBe('allowed');
    expect(metricsAccess(req('::ffff:127.0.0.1'), undefined)).toBe('allowed');
    expect(metricsAccess(req('10.0.0.5'), undefined)).toBe('forbidden');
    expect(metricsAccess(req('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }), undefined)).toBe('forbidden');
    expect(metricsAccess(req('127.0.0.1', { forwarded: 'for=203.0.113.9' }), undefined)).toBe('forbidden');
  });

  it('with a token: the bearer token, from anywhere', () => {
    const token = 's3cret-metrics-token';
    expect(metricsAccess(req('10.0.0.5', { authorization: `Bearer ${token}` }), token)).toBe('allowed');
    expect(metricsAccess(req('127.0.0.1'), token)).toBe('unauthorized');
    expect(metricsAccess(req('127.0.0.1', { authorization: 'Bearer wrong' }), token)).toBe('unauthorized');
    expect(metricsAccess(req('127.0.0.1', { authorization: token }), token)).toBe('unauthorized');
  });
});

describe('registry helpers', () => {
  it('define a metric once per name, so module code may run again', () => {
    const a = counter({ name: 'test_things_total', help: 'things', labelNames: ['kind'] });
    const b = counter({ name: 'test_things_total', help: 'things', labelNames: ['kind'] });
    expect(b).toBe(a);
    expect(() => gauge({ name: 'test_things_total', help: 'things' })).toThrow(/another kind/);
  });

  it("run the owner's scrape hooks before rendering; a failing hook does not fail the scrape", async () => {
    const owner = {};
    const value = gauge({ name: 'test_scraped_value', help: 'set by a hook' });
    onScrape(owner, 'value', () => value.set(42));
    onScrape(owner, 'broken', () => {
      throw new Error('source down');
    });
    logger.setLevel('silent'); // the failure is logged at warn: not wanted in the test output
    const text = await renderMetrics(owner).finally(() => logger.setLevel('info'));
    expect(text).toMatch(/^test_scraped_value 42$/m);
    expect(text).toMatch(/^hearth_metrics_scrape_errors_total\{source="broken"\} 1$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(registry.getSingleMetric('test_scraped_value')).toBe(value);
  });
});
