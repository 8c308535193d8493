import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { checkNewTeamMember, checkTeamMemberEnd, isCurrentMembership, type NewTeamMember, type TeamMembershipSpan } from './case-team.ts';

const today = '2026-11-20';

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('team membership (SPEC §2.16)', () => {
  it.each<[string, TeamMembershipSpan, boolean]>([
    ['open, started earlier', { fromDate: '2026-10-01', toDate: null }, true],
    ['open, starts today', { fromDate: today, toDate: null }, true],
    ['open, starts tomorrow', { fromDate: '2026-11-21', toDate: null }, false],
    ['ended today: access ends at once', { fromDate: '2026-10-01', toDate: today }, false],
    ['ended yesterday', { fromDate: '2026-10-01', toDate: '2026-11-19' }, false],
    ['ends tomorrow', { fromDate: '2026-10-01', toDate: '2026-11-21' }, true],
  ])('%s → current: %s', (_name, span, expected) => {
    expect(isCurrentMembership(span, today)).toBe(expected);
  });

  const member = (over: Partial<NewTeamMember>): NewTeamMember => ({ userId: null, externalName: '', externalOrganisation: '', externalProfession: '', fromDate: today, ...over });
  it.each<[string, NewTeamMember, string | null]>([
    ['a user', member({ userId: 'u1' }), null],
    ['a person without an account', member({ externalName: 'Іваненко І. І.', externalOrganisation: 'Ліцей № 2', externalProfession: 'вчитель' }), null],
    ['nobody', member({}), 'team_member_identity'],
    ['both a user and a name', member({ userId: 'u1', externalName: 'Іваненко' }), 'team_member_identity'],
    ['a user with an external organisation', member({ userId: 'u1', externalOrganisation: 'Ліцей' }), 'team_member_identity'],
    ['a start in the past', member({ userId: 'u1', fromDate: '2026-09-01' }), null],
    ['a start in the future', member({ userId: 'u1', fromDate: '2026-11-21' }), 'team_member_start_in_future'],
  ])('new member: %s → %s', (_name, m, code) => {
    expect(codeOf(() => checkNewTeamMember(m, today))).toBe(code);
  });

  it.each<[string, TeamMembershipSpan, string, string | null]>([
    ['today', { fromDate: '2026-10-01', toDate: null }, today, null],
    ['on the day it started', { fromDate: today, toDate: null }, today, null],
    ['backdated', { fromDate: '2026-10-01', toDate: null }, '2026-11-01', null],
    ['before it started', { fromDate: '2026-10-01', toDate: null }, '2026-09-30', 'team_member_end_before_start'],
    ['in advance', { fromDate: '2026-10-01', toDate: null }, '2026-11-21', 'team_member_end_in_future'],
    ['twice', { fromDate: '2026-10-01', toDate: '2026-11-01' }, today, 'team_member_already_ended'],
  ])('ending %s → %s', (_name, span, toDate, code) => {
    expect(codeOf(() => checkTeamMemberEnd(span, toDate, today))).toBe(code);
  });
});
