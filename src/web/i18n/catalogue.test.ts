import { caseEventKinds } from '#domain/cases/case-events.ts';
import { describe, expect, it } from 'vitest';
import { caseActions } from '#domain/access/case-policy.ts';
import { caseStatuses, caseTypes, complexities } from '#domain/cases/case-types.ts';
import {
  adultIndicators,
  childIndicators,
  familyAgreements,
  familyIndicators,
  indicatorRatings,
  legalCapacities,
  needsAssessmentSections,
} from '#domain/cases/needs-assessment.ts';
import { caseSteps, legalStepsByStep } from '#domain/cases/workflow.ts';
import { adultFactors, childFactors, reportSources, urgentActions } from '#domain/intake/factors.ts';
import { roles } from '#domain/organisations/roles.ts';
import { en } from './en.ts';
import { uk } from './uk.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const catalogues = { uk: flatten(uk as unknown as Tree), en: flatten(en as unknown as Tree) };

/** The error codes the server sends (server/http/problems.ts and domain errors) that the web app translates. */
const errorCodes = [
  'unknown',
  'network_error',
  'internal_error',
  'unauthenticated',
  'unauthorized',
  'forbidden',
  'not_found',
  'version_conflict',
  'validation_failed',
  'invalid_credentials',
  'account_locked',
  'account_locked_until',
  'too_many_requests',
  'csrf_failed',
  'invalid_cursor',
  'invalid_json',
  'payload_too_large',
  'unsupported_media_type',
  'service_unavailable',
  'hromada_not_found',
  'organisation_not_found',
  'no_receiving_service',
  'no_css',
  'case_manager_required',
  'child_required',
  'duplicate_member',
  'person_not_found',
  'person_not_in_case',
  'registration_not_allowed',
  'needs_assessment_incomplete',
  'needs_assessment_completed',
  'transition_not_allowed',
  'transition_reason_required',
  'transition_guard_failed',
  'step_not_in_case_type',
  'case_closed',
  'not_case_manager',
  'invalid_date',
] as const;

/** Every code list of the domain that the interface displays, with the catalogue prefix of its labels. */
const domainLists: Array<[string, readonly string[]]> = [
  ['caseType', caseTypes],
  ['caseStatus', caseStatuses],
  ['caseStep', caseSteps],
  ['legalStep', [...new Set(Object.values(legalStepsByStep).flat())].map(String)],
  ['complexity', complexities],
  ['childFactor', childFactors],
  ['adultFactor', adultFactors],
  ['reportSource', reportSources],
  ['urgentAction', urgentActions],
  ['indicator.child', childIndicators],
  ['indicator.adult', adultIndicators],
  ['indicator.family', familyIndicators],
  ['rating', indicatorRatings],
  ['role', roles],
  ['legalCapacity', legalCapacities],
  ['familyAgreement', familyAgreements],
  ['needsAssessment.sections', needsAssessmentSections],
  ['needsAssessment.status', ['draft', 'completed']],
  ['notificationStatus', ['received', 'registered', 'declined']],
  ['deadline.status', ['overdue', 'due_today', 'due_soon', 'upcoming', 'met']],
  ['sex', ['female', 'male']],
  ['memberRole', ['child', 'adult']],
  ['timeline', caseEventKinds],
  ['guard', ['needs_assessment_not_completed', 'plan_not_agreed', 'closure_not_approved']],
  ['errors', errorCodes],
];

describe('i18n catalogues', () => {
  it('uk and en have exactly the same keys', () => {
    const ukKeys = [...catalogues.uk.keys()].sort();
    const enKeys = [...catalogues.en.keys()].sort();
    expect(enKeys.filter((k) => !catalogues.uk.has(k))).toEqual([]);
    expect(ukKeys.filter((k) => !catalogues.en.has(k))).toEqual([]);
  });

  it('has no empty values', () => {
    for (const [lang, map] of Object.entries(catalogues)) {
      const empty = [...map].filter(([, v]) => v.trim() === '').map(([k]) => `${lang}:${k}`);
      expect(empty).toEqual([]);
    }
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    const differing = [...catalogues.uk].filter(([k, v]) => JSON.stringify(vars(v)) !== JSON.stringify(vars(catalogues.en.get(k) ?? ''))).map(([k]) => k);
    expect(differing).toEqual([]);
  });

  it.each(domainLists)('labels every code of %s in both languages', (prefix, codes) => {
    for (const [lang, map] of Object.entries(catalogues)) {
      const missing = codes.filter((code) => !map.get(`${prefix}.${code}`)).map((code) => `${lang}:${prefix}.${code}`);
      expect(missing).toEqual([]);
    }
  });

  it('uses the SPEC §14 terms for case complexity', () => {
    expect([uk.complexity.simple, uk.complexity.moderate, uk.complexity.complex, uk.complexity.emergency].map((s) => s.toLowerCase())).toEqual([
      'простий',
      'середньої складності',
      'складний',
      'екстрений (кризовий)',
    ]);
  });

  it('covers the case actions the server may send', () => {
    // The app switches on these; a new action needs a deliberate UI decision.
    expect(caseActions).toEqual(['case.view', 'case.transition', 'needs_assessment.edit', 'needs_assessment.complete']);
  });
});
