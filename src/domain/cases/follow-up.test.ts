import { describe, expect, it } from 'vitest';
import { defaultCalendarConfig, isWorkingDay } from '../calendar/working-calendar.ts';
import { addDays, diffInDays } from '../calendar/iso-date.ts';
import { defaultDeadlineRules } from '../deadlines/deadline-rules.ts';
import { defaultFollowUpPolicy, isPickedForRandomFollowUp, planFollowUps, randomFollowUpDate, scheduledFollowUpDate, seededFraction, validateFollowUpPolicy } from './follow-up.ts';

/** UUID-shaped ids built deterministically from a counter. */
const idOf = (n: number) => `${n.toString(16).padStart(8, '0')}-7d3c-4a1b-9e2f-${(n * 7919).toString(16).padStart(12, '0')}`;

describe('post-closure follow-up (SPEC §2.14; 000 §3.10)', () => {
  it.each([
    ['2027-05-21', '2027-08-23'], // 21 Aug 2027 is a Saturday: next working day
    ['2027-05-20', '2027-08-20'],
    ['2026-11-30', '2027-03-01'], // 28 Feb 2027 is a Sunday
  ])('schedules the first visit 3 months after closure on %s: %s', (closedOn, due) => {
    expect(scheduledFollowUpDate(closedOn, defaultDeadlineRules, 'prevention', defaultCalendarConfig).dueDate).toBe(due);
  });

  it('hashes strings to [0, 1) deterministically', () => {
    expect(seededFraction('a')).toBe(seededFraction('a'));
    expect(seededFraction('a')).not.toBe(seededFraction('b'));
    for (let i = 0; i < 1000; i += 1) {
      const f = seededFraction(idOf(i));
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
    }
  });

  it.each([0, 0.2, 0.5, 1])('picks about %s of closed cases, the same ones every time', (share) => {
    const ids = Array.from({ length: 5000 }, (_, i) => idOf(i));
    const picked = ids.filter((id) => isPickedForRandomFollowUp(id, share));
    expect(Math.abs(picked.length / ids.length - share)).toBeLessThan(0.02);
    expect(ids.filter((id) => isPickedForRandomFollowUp(id, share))).toEqual(picked);
    // A larger share keeps every case a smaller share picked.
    expect(picked.every((id) => isPickedForRandomFollowUp(id, Math.min(1, share + 0.1)))).toBe(true);
  });

  it('is case-insensitive on the id', () => {
    const id = 'ABCDEF01-7D3C-4A1B-9E2F-000000000001';
    expect(isPickedForRandomFollowUp(id, 0.3)).toBe(isPickedForRandomFollowUp(id.toLowerCase(), 0.3));
  });

  it('draws the random date in the window, on a working day', () => {
    for (let i = 0; i < 300; i += 1) {
      const date = randomFollowUpDate(idOf(i), '2027-05-21', defaultFollowUpPolicy, defaultCalendarConfig);
      const days = diffInDays(date, '2027-05-21');
      expect(days).toBeGreaterThanOrEqual(30);
      expect(days).toBeLessThanOrEqual(182);
      expect(isWorkingDay(date, defaultCalendarConfig)).toBe(true);
    }
    expect(randomFollowUpDate(idOf(1), '2027-05-21', { randomShare: 1, randomWindowDays: { from: 45, to: 45 } }, { regimes: [] })).toBe(addDays('2027-05-21', 45));
  });

  it.each([
    ['2027-07-05', '2027-07-05', '2027-07-19'],
    ['2027-07-05', '2027-07-18', '2027-08-02'], // 1 Aug 2027 is a Sunday
    ['2027-07-05', '2027-06-21', '2027-07-05'],
    ['2027-07-05', '2027-06-22', '2027-07-06'],
  ])('keeps the random visit (drawn %s) two weeks from the scheduled one on %s: %s', (drawn, scheduled, expected) => {
    const days = diffInDays(drawn, '2027-05-21');
    expect(randomFollowUpDate(idOf(1), '2027-05-21', { randomShare: 1, randomWindowDays: { from: days, to: days } }, defaultCalendarConfig, scheduled)).toBe(expected);
  });

  it('never plans the random visit within two weeks of the scheduled one', () => {
    for (let i = 0; i < 500; i += 1) {
      const [scheduled, random] = planFollowUps({ caseId: idOf(i), caseType: 'prevention', closedOn: '2027-05-21', rules: defaultDeadlineRules, calendar: defaultCalendarConfig, policy: { ...defaultFollowUpPolicy, randomShare: 1 } });
      expect(Math.abs(diffInDays(random!.dueDate, scheduled!.dueDate))).toBeGreaterThanOrEqual(14);
    }
  });

  it.each([
    [1, ['scheduled', 'random']],
    [0, ['scheduled']],
  ] as const)('plans the scheduled visit and, when picked (share %s), the random one', (share, selections) => {
    const visits = planFollowUps({ caseId: idOf(3), caseType: 'prevention', closedOn: '2027-05-21', rules: defaultDeadlineRules, calendar: defaultCalendarConfig, policy: { ...defaultFollowUpPolicy, randomShare: share } });
    expect(visits.map((v) => v.selection)).toEqual(selections);
    expect(visits[0]?.dueDate).toBe('2027-08-23');
  });

  it.each([
    [{ randomShare: 1.5, randomWindowDays: { from: 30, to: 180 } }],
    [{ randomShare: -0.1, randomWindowDays: { from: 30, to: 180 } }],
    [{ randomShare: 0.2, randomWindowDays: { from: 0, to: 180 } }],
    [{ randomShare: 0.2, randomWindowDays: { from: 90, to: 30 } }],
    [{ randomShare: 0.2, randomWindowDays: { from: 1.5, to: 30 } }],
  ])('refuses an invalid policy %j', (policy) => {
    expect(() => validateFollowUpPolicy(policy)).toThrow(expect.objectContaining({ code: 'invalid_follow_up_policy' }));
  });
});
