import { describe, expect, it } from 'vitest';
import { measureTypes, planStatuses, responsibleKinds } from '#domain/cases/case-plan.ts';
import { agreementStatuses, serviceDecisionKinds, terminationGrounds } from '#domain/cases/service-decision.ts';
import { planActions } from '#contracts/case-plans.contract.ts';
import { approvalStatuses } from '#contracts/approvals.contract.ts';
import { en } from '../en.ts';
import { uk } from '../uk.ts';

type Tree = { [key: string]: string | Tree };

function at(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);
}

/** Every code of a domain list must have a non-empty label in both catalogues. */
const lists: Array<[string, readonly string[]]> = [
  ['plan.status', planStatuses],
  ['plan.measureType', measureTypes],
  ['plan.responsibleKind', responsibleKinds],
  ['plan.approval.status', approvalStatuses],
  ['decisions.kind', serviceDecisionKinds],
  ['decisions.ground', terminationGrounds],
  ['agreements.status', agreementStatuses],
  ['plan.subject', ['child', 'caregivers']],
  ['plan.section', ['goals', 'child', 'family']],
];

/** Fields the plan comparison reports (domain comparePlanVersions) and gaps the agreement guard reports (findPlanGaps). */
const compareFields = ['childViews', 'childViewsNotHeardReason', 'familyParticipation', 'familyConferenceHeld', 'familyConferenceDate', 'domain', 'text', 'goalKey', 'action', 'measureType', 'responsible', 'deadline', 'expectedResult', 'serviceCode'];
const gapPaths = ['goals', 'goal.text', 'goal.measures', 'measure.action', 'measure.responsible', 'measure.deadline', 'measure.expectedResult', 'childViews', 'agreement.date', 'agreement.dateInFuture', 'agreement.signedBy'];

describe('planning labels (plans, decisions, agreements, emergency contacts)', () => {
  for (const [lang, catalogue] of Object.entries({ uk, en })) {
    it(`labels every code in ${lang}`, () => {
      for (const [prefix, codes] of lists) {
        for (const code of codes) expect(at(catalogue, `${prefix}.${code}`), `${lang} ${prefix}.${code}`).toEqual(expect.stringMatching(/\S/));
      }
      for (const f of compareFields) expect(at(catalogue, `plan.compare.field.${f}`), `${lang} compare ${f}`).toEqual(expect.stringMatching(/\S/));
      for (const p of gapPaths) expect(at(catalogue, `plan.missing.${p}`), `${lang} missing ${p}`).toEqual(expect.stringMatching(/\S/));
      expect(at(catalogue, 'emergency.nav')).toEqual(expect.stringMatching(/\S/));
    });
  }

  it('knows every plan action the API sends', () => {
    expect([...planActions]).toEqual(['edit', 'agree', 'revise', 'request_approval']);
  });
});
