import { describe, expect, it } from 'vitest';
import { checkPreparationDate, hasPreparation } from './reunification.ts';

describe('preparation for reunification', () => {
  it.each([
    ['reintegration', true],
    ['alternative_care', true],
    ['returning_child', true],
    ['prevention', false],
    ['care_leaver', false],
  ] as const)('%s goes through preparation: %s', (type, expected) => {
    expect(hasPreparation(type)).toBe(expected);
  });

  it('refuses a date after today and accepts today', () => {
    expect(() => checkPreparationDate('2026-11-21', '2026-11-20')).toThrow(expect.objectContaining({ code: 'date_in_future' }));
    expect(() => checkPreparationDate('2026-11-20', '2026-11-20')).not.toThrow();
  });
});
