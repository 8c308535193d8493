import { describe, expect, it } from 'vitest';
import { dimensionValues, disaggregations } from '#domain/indicators/dimensions.ts';
import { en } from '../en.ts';
import { uk } from '../uk.ts';

type Tree = { [key: string]: string | Tree };

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);
}

const statuses = ['validated', 'invalid', 'sent', 'success', 'warning', 'error', 'failed'];
// Institution dimensions reuse the institutions register's labels.
const valueBase: Record<string, string> = { institution_type: 'institutions.type', ownership: 'institutions.ownership', subordination: 'institutions.subordination' };

describe('dashboards catalogue part', () => {
  it('labels every disaggregation, every disaggregation value and every push status in both languages', () => {
    for (const cat of [uk, en]) {
      for (const d of disaggregations) expect(typeof lookup(cat, `dashboards.dimension.${d}`), d).toBe('string');
      for (const [dim, values] of Object.entries(dimensionValues)) {
        for (const v of values) {
          const key = `${valueBase[dim] ?? `dashboards.value.${dim}`}.${v}`;
          expect(typeof lookup(cat, key), key).toBe('string');
        }
      }
      for (const s of statuses) expect(typeof lookup(cat, `dashboards.dhis2.status.${s}`), s).toBe('string');
    }
  });
});
