import { describe, expect, it } from 'vitest';
import { careTypes, institutionSubordinations, institutionTypes } from '#domain/cases/care-episodes.ts';
import { careCapacities, familyAssessmentGaps, readinessLevels, relativeRelations, tracingMethods, tracingOutcomes, verificationMethods, willingnessLevels } from '#domain/cases/family-tracing.ts';
import { preparationActivityKinds } from '#domain/cases/reunification.ts';
import { assessmentStatuses, caregiverKinds, childCareStatuses, identityDocumentTypes, safetyActionTypes, safetyAssessmentGaps, safetyLevels, safetyParticipants } from '#domain/cases/safety-assessment.ts';
import { en } from '../en.ts';
import { uk } from '../uk.ts';

type Tree = { [key: string]: string | Tree };

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);
}

/** Every code list the safety, tracing, family-assessment and care screens display, with where its labels live. */
const codeLists: Array<[string, readonly string[]]> = [
  ['safetyAct.status', assessmentStatuses],
  ['safetyAct.level', safetyLevels],
  ['safetyAct.childStatus', childCareStatuses],
  ['safetyAct.documentType', identityDocumentTypes],
  ['safetyAct.caregiverKind', caregiverKinds],
  ['safetyAct.participant', safetyParticipants],
  ['safetyAct.actionType', safetyActionTypes],
  ['safetyAct.gap', safetyAssessmentGaps],
  ['safetyAct.sex', ['female', 'male']],
  ['tracing.method', tracingMethods],
  ['tracing.outcome', tracingOutcomes],
  ['tracing.relation', relativeRelations],
  ['tracing.verificationMethod', verificationMethods],
  ['tracing.willingness', willingnessLevels],
  ['tracing.capacity', careCapacities],
  ['familyAssessment.status', assessmentStatuses],
  ['familyAssessment.readiness', readinessLevels],
  ['familyAssessment.capacity', careCapacities],
  ['familyAssessment.fields', familyAssessmentGaps],
  ['care.careType', careTypes],
  ['care.institutionType', institutionTypes],
  ['care.subordination', institutionSubordinations],
  ['care.prep.kind', preparationActivityKinds],
];

describe('family catalogue part', () => {
  for (const [prefix, codes] of codeLists) {
    it(`labels every code of ${prefix} in Ukrainian and English`, () => {
      for (const code of codes) {
        for (const [lang, cat] of [['uk', uk], ['en', en]] as const) {
          const label = lookup(cat, `${prefix}.${code}`);
          expect(typeof label === 'string' && label.trim() !== '', `${lang}: ${prefix}.${code}`).toBe(true);
        }
      }
    });
  }

  it('has no Ukrainian label left untranslated in English', () => {
    for (const key of ['safetyAct', 'tracing', 'familyAssessment', 'care'] as const) {
      expect(JSON.stringify(en[key])).not.toBe(JSON.stringify(uk[key]));
    }
  });
});
