import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { allowedNextStages, canTakeChildren, caregiverStages, checkAvailability, checkStageMove, supportStatus, type CaregiverStage, type StageMove } from './caregivers.ts';

const today = '2026-11-20';
const move = (from: CaregiverStage, to: CaregiverStage, over: Partial<StageMove> = {}): StageMove => ({
  from,
  to,
  date: '2026-11-10',
  previousDate: '2026-11-01',
  decisionReference: '',
  decidingAuthority: '',
  agreementReference: '',
  deregistrationReason: to === 'deregistered' ? 'own_request' : null,
  placedNow: 0,
  ...over,
});
const approval = { decisionReference: '112-р', decidingAuthority: 'Бучанська міська рада', agreementReference: 'Договір № 7' };

function codeOf(f: () => void): string | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe('caregiver pipeline (SPEC §5.2)', () => {
  const legal: Array<[CaregiverStage, CaregiverStage]> = [
    ['intent', 'screening'],
    ['screening', 'training'],
    ['training', 'home_assessment'],
    ['home_assessment', 'approved'],
    ['approved', 'available'],
    ['available', 'approved'],
    ['intent', 'deregistered'],
    ['available', 'deregistered'],
  ];
  it.each(legal)('allows %s → %s', (from, to) => {
    expect(codeOf(() => checkStageMove(move(from, to, to === 'approved' ? approval : {}), today))).toBeNull();
  });

  const illegal = caregiverStages.flatMap((from) => caregiverStages.filter((to) => !legal.some(([f, t]) => f === from && t === to) && !(to === 'deregistered' && from !== 'deregistered')).map((to) => [from, to] as [CaregiverStage, CaregiverStage]));
  it.each(illegal)('refuses %s → %s', (from, to) => {
    expect(codeOf(() => checkStageMove(move(from, to, approval), today))).toBe('caregiver_stage_move_invalid');
  });

  it.each([
    ['a future date', move('intent', 'screening', { date: '2026-11-21' }), 'date_in_future'],
    ['a date before the previous stage', move('intent', 'screening', { date: '2026-10-01' }), 'caregiver_stage_date_before_previous'],
    ['approval without the decision', move('home_assessment', 'approved'), 'caregiver_approval_incomplete'],
    ['approval without the agreement', move('home_assessment', 'approved', { ...approval, agreementReference: ' ' }), 'caregiver_approval_incomplete'],
    ['deregistration without a reason', move('approved', 'deregistered', { deregistrationReason: null }), 'caregiver_deregistration_reason_required'],
    ['deregistration with a child placed', move('available', 'deregistered', { placedNow: 1 }), 'caregiver_has_placed_children'],
    ['a pause with a child placed', move('available', 'approved', { placedNow: 2 }), 'caregiver_has_placed_children'],
  ] as const)('refuses %s', (_label, m, code) => {
    expect(codeOf(() => checkStageMove(m, today))).toBe(code);
  });

  it('offers the next stages of each stage', () => {
    expect(allowedNextStages('intent')).toEqual(['screening', 'deregistered']);
    expect(allowedNextStages('deregistered')).toEqual([]);
  });
});

describe('availability', () => {
  it.each([
    ['foster_family', { capacity: 4, ageFrom: 0, ageTo: 17 }, null],
    ['foster_family', { capacity: 5, ageFrom: 0, ageTo: 17 }, 'caregiver_capacity_invalid'],
    ['family_type_home', { capacity: 10, ageFrom: 3, ageTo: 12 }, null],
    ['patronage', { capacity: 1, ageFrom: 12, ageTo: 3 }, 'caregiver_age_range_invalid'],
    ['kinship', { capacity: 1, ageFrom: 0, ageTo: 18 }, 'caregiver_age_range_invalid'],
  ] as const)('%s %o → %s', (type, a, code) => {
    expect(codeOf(() => checkAvailability(type, { ...a, siblingsAccepted: true, disabilitySpecialisation: false }))).toBe(code);
  });
  it('takes children only when available with a free place', () => {
    expect(canTakeChildren('available', 2, 1)).toBe(true);
    expect(canTakeChildren('available', 2, 2)).toBe(false);
    expect(canTakeChildren('approved', 2, 0)).toBe(false);
  });
});

describe('support deadlines (001 §6.vi)', () => {
  it('nothing is due before approval', () => {
    expect(supportStatus({ stage: 'training', approvedOn: null, placedSince: null, lastCheckIn: null, lastTraining: null }, today)).toEqual({ extraMonitoring: false, checkInDue: null, checkInOverdue: false, trainingDue: null, trainingOverdue: false });
  });
  it('without a child: check-in every three months, training a year after approval', () => {
    expect(supportStatus({ stage: 'available', approvedOn: '2026-01-15', placedSince: null, lastCheckIn: '2026-09-01', lastTraining: null }, today)).toEqual({ extraMonitoring: false, checkInDue: '2026-12-01', checkInOverdue: false, trainingDue: '2027-01-15', trainingOverdue: false });
  });
  it('with a child placed: extra monitoring, monthly check-ins, overdue shown', () => {
    expect(supportStatus({ stage: 'available', approvedOn: '2025-01-15', placedSince: '2026-09-10', lastCheckIn: '2026-09-01', lastTraining: '2025-06-01' }, today)).toEqual({ extraMonitoring: true, checkInDue: '2026-10-10', checkInOverdue: true, trainingDue: '2026-06-01', trainingOverdue: true });
  });
});
