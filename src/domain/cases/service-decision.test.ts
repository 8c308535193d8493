import { describe, expect, it } from 'vitest';
import { checkAgreement, checkDecision, isThreatRecorded, type ServiceDecisionInput } from './service-decision.ts';

describe('decision on services (Law "On Social Services" art. 21, 24)', () => {
  const cases: Array<[string, ServiceDecisionInput, boolean, string | null]> = [
    ['provide without threat', { decision: 'provide', terminationGround: null, legalGrounds: '' }, false, null],
    ['provide under threat', { decision: 'provide', terminationGround: null, legalGrounds: '' }, true, null],
    ['refuse with grounds', { decision: 'refuse', terminationGround: null, legalGrounds: 'Потреби не виявлено' }, false, null],
    ['refuse under threat', { decision: 'refuse', terminationGround: null, legalGrounds: 'Потреби не виявлено' }, true, 'services_protected_by_threat'],
    ['refuse without grounds', { decision: 'refuse', terminationGround: null, legalGrounds: ' ' }, false, 'legal_grounds_required'],
    ['terminate with a ground', { decision: 'terminate', terminationGround: 'no_further_need', legalGrounds: '' }, false, null],
    ['terminate on the recipient\'s refusal under threat', { decision: 'terminate', terminationGround: 'recipient_refusal', legalGrounds: '' }, true, 'services_protected_by_threat'],
    ['terminate under threat', { decision: 'terminate', terminationGround: 'contract_expiry', legalGrounds: '' }, true, 'services_protected_by_threat'],
    ['terminate without a ground', { decision: 'terminate', terminationGround: null, legalGrounds: 'x' }, false, 'termination_ground_required'],
    ['a ground on a refusal', { decision: 'refuse', terminationGround: 'non_compliance', legalGrounds: 'x' }, false, 'termination_ground_not_applicable'],
  ];
  it.each(cases)('%s', (_name, decision, threat, code) => {
    const run = () => checkDecision(decision, threat);
    if (code === null) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code }));
  });

  it.each([
    [false, false, false],
    [true, false, true],
    [false, true, true],
    [true, true, true],
  ])('threat recorded: urgent %s, notification threat %s → %s', (caseUrgent, notificationThreat, expected) => {
    expect(isThreatRecorded({ caseUrgent, notificationThreat })).toBe(expected);
  });
});

describe('agreement (Law "On Social Services" art. 22)', () => {
  const ok = { planStatus: 'agreed' as const, hasProvideDecision: true, signedOn: '2026-11-27', validUntil: '2027-05-27' };
  const cases: Array<[string, Parameters<typeof checkAgreement>[0], string | null]> = [
    ['an agreed plan after a decision to provide', ok, null],
    ['open-ended', { ...ok, validUntil: null }, null],
    ['a draft plan', { ...ok, planStatus: 'draft' }, 'agreement_plan_not_agreed'],
    ['a superseded plan', { ...ok, planStatus: 'superseded' }, 'agreement_plan_not_agreed'],
    ['no decision to provide', { ...ok, hasProvideDecision: false }, 'service_decision_required'],
    ['ends before it starts', { ...ok, validUntil: '2026-11-01' }, 'agreement_dates_invalid'],
  ];
  it.each(cases)('%s', (_name, input, code) => {
    const run = () => checkAgreement(input);
    if (code === null) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code }));
  });
});
