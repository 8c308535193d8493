import { describe, expect, it } from 'vitest';
import { admissionReasons, ageGroups, childLegalStatuses, countProblems, institutionGovernanceLevels, institutionOwnerships, institutionStatuses, institutionSubordinations, institutionTypes } from '#domain/institutions/institutions.ts';
import { milestoneStatuses, targetProfiles, transformationPlanStatuses } from '#domain/institutions/transformation.ts';
import { en } from '../en.ts';
import { uk } from '../uk.ts';

type Tree = { [key: string]: string | Tree };

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);
}

const problems = ['age_sum_mismatch', 'status_sum_mismatch', 'disability_exceeds_total'] as const satisfies readonly ReturnType<typeof countProblems>[number][];

/** Every code list the institutions screens display, with where its labels live. */
const codeLists: Array<[string, readonly string[]]> = [
  ['institutions.type', institutionTypes],
  ['institutions.subordination', institutionSubordinations],
  ['institutions.ownership', institutionOwnerships],
  ['institutions.governanceLevel', institutionGovernanceLevels],
  ['institutions.status', institutionStatuses],
  ['institutions.counts.age', ageGroups],
  ['institutions.counts.legalStatus', childLegalStatuses],
  ['institutions.counts.problem', problems],
  ['institutions.admissions.reason', admissionReasons],
  ['institutions.plan.target', targetProfiles],
  ['institutions.plan.planStatus', transformationPlanStatuses],
  ['institutions.plan.milestoneStatus', milestoneStatuses],
];

describe('institutions texts: every code has a label in both languages', () => {
  it.each(codeLists)('%s', (prefix, codes) => {
    for (const [lang, cat] of Object.entries({ uk, en })) {
      const missing = codes.filter((code) => typeof lookup(cat, `${prefix}.${code}`) !== 'string' || (lookup(cat, `${prefix}.${code}`) as string).length === 0);
      expect(missing, `${lang}: ${prefix}`).toEqual([]);
    }
  });
});
