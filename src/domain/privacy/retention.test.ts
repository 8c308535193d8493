import { describe, expect, it } from 'vitest';
import { birthDateToYear, retentionCutoff } from './retention.ts';

describe('retention (SPEC §11)', () => {
  it.each([
    ['2026-11-20', 5, '2021-11-20'],
    ['2026-11-20', 0, '2026-11-20'],
    ['2028-02-29', 5, '2023-02-28'],
    ['2028-02-29', 4, '2024-02-29'],
  ])('on %s with %i years the cutoff is %s', (today, years, cutoff) => {
    expect(retentionCutoff(today, years)).toBe(cutoff);
  });
  it('keeps only the year of birth', () => {
    expect(birthDateToYear('2016-03-01')).toBe('2016-01-01');
  });
});
