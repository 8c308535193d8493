import { describe, expect, it } from 'vitest';
import { caregiverTypes, type CaregiverType } from './caregivers.ts';
import { mayDecide, whoDecidesInstead, type DecidingAuthority } from './powers.ts';

const urban: DecidingAuthority = { level: 'hromada', hromadaKind: 'urban' };
const settlement: DecidingAuthority = { level: 'hromada', hromadaKind: 'settlement' };
const rural: DecidingAuthority = { level: 'hromada', hromadaKind: 'rural' };
const rayon: DecidingAuthority = { level: 'rayon' };
const oblast: DecidingAuthority = { level: 'oblast' };

// [type, urban, settlement, rural, rayon, oblast] (SPEC §5.3)
const table: Array<[CaregiverType, boolean, boolean, boolean, boolean, boolean]> = [
  ['foster_family', true, false, false, true, false],
  ['family_type_home', true, false, false, true, false],
  ['guardianship', true, true, true, true, true],
  ['kinship', true, true, true, true, true],
  ['patronage', true, true, true, true, true],
  ['adoption', true, true, true, true, true],
];

describe('powers over alternative family care (SPEC §5.3)', () => {
  it('covers every caregiver type', () => {
    expect(table.map((r) => r[0]).sort()).toEqual([...caregiverTypes].sort());
  });
  it.each(table)('%s: urban %s, settlement %s, rural %s, rayon %s, oblast %s', (type, u, s, r, ra, o) => {
    expect([urban, settlement, rural, rayon, oblast].map((a) => mayDecide(a, type))).toEqual([u, s, r, ra, o]);
  });
  it('names who decides instead for the reserved types', () => {
    expect(whoDecidesInstead('foster_family')).toBe('urban_or_rayon');
    expect(whoDecidesInstead('guardianship')).toBeNull();
  });
});
