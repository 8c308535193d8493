import { describe, expect, it } from 'vitest';
import { caregiverStages, caregiverTypes, deregistrationReasons, householdRoles } from '#domain/caregivers/caregivers.ts';
import { matchReasons } from '#domain/caregivers/matching.ts';
import { en } from '../en.ts';
import { uk } from '../uk.ts';

type Tree = { [key: string]: string | Tree };

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);
}

/** Every code list the caregiver screens display, with where its labels live. */
const codeLists: Array<[string, readonly string[]]> = [
  ['caregivers.type', caregiverTypes],
  ['caregivers.stage', caregiverStages],
  ['caregivers.memberRole', householdRoles],
  ['caregivers.deregistrationReason', deregistrationReasons],
  ['caregivers.reason', matchReasons],
  ['caregivers.supportKind', ['check_in', 'training']],
  ['timeline', ['caregiver_placement_decided']],
  ['errors', ['power_not_held', 'caregiver_stage_move_invalid', 'caregiver_not_available']],
];

describe('caregiver texts: every code has a label in both languages', () => {
  it.each(codeLists)('%s', (prefix, codes) => {
    for (const [lang, cat] of Object.entries({ uk, en })) {
      const missing = codes.filter((code) => {
        const v = lookup(cat, `${prefix}.${code}`);
        return typeof v !== 'string' || v.trim() === '';
      });
      expect(missing, `${lang}: ${prefix}`).toEqual([]);
    }
  });
});
