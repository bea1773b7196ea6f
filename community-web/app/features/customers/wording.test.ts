import { describe, expect, it } from 'vitest';
import { formatMoney } from './wording';

describe('formatMoney', () => {
  it('reads minor units in the currency’s own decimals', () => {
    expect(formatMoney(1_250_000, 'EUR')).toBe('€12,500.00');
    expect(formatMoney(1_250_000, 'USD')).toBe('$12,500.00');
    expect(formatMoney(12_500, 'JPY')).toBe('¥12,500');
  });
});
