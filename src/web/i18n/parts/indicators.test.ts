import { describe, expect, it } from 'vitest';
import { dimensionValues, disaggregations } from '#domain/indicators/dimensions.ts';
import { en } from '../en.ts';
import { uk } from '../uk.ts';

describe('indicator texts', () => {
  it('name every disaggregation and every value it can show, in uk and en', () => {
    for (const cat of [uk, en]) {
      for (const d of disaggregations) expect(cat.indicators.dimension[d], d).toBeTruthy();
      for (const values of Object.values(dimensionValues)) for (const v of values) expect((cat.indicators.value as Record<string, string>)[v], v).toBeTruthy();
    }
    expect(uk.indicators.nav).toBe('Показники');
  });
});
