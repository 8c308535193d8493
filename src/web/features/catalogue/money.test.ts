import { describe, expect, it } from 'vitest';
import { formatHryvnias } from './money.ts';

describe('formatHryvnias', () => {
  it.each([
    [1234.56, '1 234,56 грн'],
    [0, '0,00 грн'],
    [5, '5,00 грн'],
    [1234567.8, '1 234 567,80 грн'],
    [999.999, '1 000,00 грн'],
  ])('%s → %s', (n, expected) => {
    expect(formatHryvnias(n).replace(/\u00a0/g, ' ')).toBe(expected);
  });
  it('writes the currency asked for', () => {
    expect(formatHryvnias(10, 'UAH').replace(/\u00a0/g, ' ')).toBe('10,00 UAH');
  });
});
