import { describe, expect, it } from 'vitest';
import { canEditSession, canSeeSession, isSupervisionOverdue, participantsProblem, plannedSupervisionDue } from './supervision.ts';
import { burnoutSignal } from './wellbeing.ts';

describe('supervision (Order 5 of 05.01.2015)', () => {
  const facts = { supervisorId: 'sv', participantIds: ['cm'], headUserIds: ['head'] };
  it('shows the card to its supervisor, supervisee and head only', () => {
    expect(['sv', 'cm', 'head'].map((u) => canSeeSession(u, facts))).toEqual([true, true, true]);
    expect(['cm2', 'admin', 'auditor'].some((u) => canSeeSession(u, facts))).toBe(false);
  });
  it('lets only the supervisor edit, until the card is submitted', () => {
    expect(canEditSession('sv', { ...facts, submitted: false })).toBe(true);
    expect(canEditSession('sv', { ...facts, submitted: true })).toBe(false);
    expect(canEditSession('head', { ...facts, submitted: false })).toBe(false);
  });
  it('checks the participants against the kind of session', () => {
    expect(participantsProblem('individual', 1)).toBeNull();
    expect(participantsProblem('individual', 2)).toBe('individual_needs_one');
    expect(participantsProblem('group', 1)).toBe('group_needs_two');
    expect(participantsProblem('pair_team', 2)).toBeNull();
  });
  it('flags planned supervision overdue after the interval from the last planned session (or the start)', () => {
    expect(plannedSupervisionDue('2026-10-01', '2025-01-01', 30)).toBe('2026-10-31');
    expect(isSupervisionOverdue('2026-10-01', '2025-01-01', 30, '2026-10-31')).toBe(false);
    expect(isSupervisionOverdue('2026-10-01', '2025-01-01', 30, '2026-11-01')).toBe(true);
    expect(isSupervisionOverdue(null, '2026-11-01', 30, '2026-11-20')).toBe(false);
    expect(isSupervisionOverdue(null, '2026-11-01', null, '2027-11-20')).toBe(false);
  });
});

describe('burnout signal', () => {
  it('is never computed below three check-ins', () => {
    expect(burnoutSignal([{ exhaustion: 5, stress: 5, support: 1 }, { exhaustion: 5, stress: 5, support: 1 }])).toBeNull();
  });
  it('averages three or more check-ins into a level', () => {
    const s = burnoutSignal([
      { exhaustion: 5, stress: 4, support: 2 },
      { exhaustion: 4, stress: 4, support: 2 },
      { exhaustion: 3, stress: 4, support: 2 },
    ]);
    expect(s).toEqual({ checkins: 3, exhaustion: 4, stress: 4, support: 2, level: 'high' });
    expect(burnoutSignal([{ exhaustion: 1, stress: 2, support: 5 }, { exhaustion: 2, stress: 1, support: 4 }, { exhaustion: 1, stress: 1, support: 5 }])?.level).toBe('low');
  });
});
