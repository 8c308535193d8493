import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { ageBandOf, bodyFlags, checkDetermination, countVotes, familyBasedOptions, hasConflictOn, hasQuorum, isActionOverdue, isCurrentMember, quarterOf, type ConsideredOption, type VoteChoice } from './panels.ts';

const votes = (spec: string, chair: VoteChoice | null = null) => [
  ...(chair ? [{ vote: chair, isChair: true }] : []),
  ...spec.split('').map((c) => ({ vote: (c === '+' ? 'for' : c === '-' ? 'against' : 'abstain') as VoteChoice, isChair: false })),
];

describe('quorum: more than half of the current members present', () => {
  it.each([
    [7, 4, true],
    [7, 3, false],
    [6, 3, false],
    [6, 4, true],
    [5, 3, true],
    [1, 1, true],
    [0, 0, false],
  ])('%i members, %i present → %s', (members, present, expected) => {
    expect(hasQuorum(members, present)).toBe(expected);
  });
});

describe('votes: simple majority of votes cast, the chair decides a tie, nothing without quorum', () => {
  it.each([
    { name: 'majority for', members: 7, present: 5, votes: votes('+++-0'), adopted: true, casting: false },
    { name: 'majority against', members: 7, present: 5, votes: votes('+--0 '.trim()), adopted: false, casting: false },
    { name: 'abstentions do not count as cast', members: 7, present: 5, votes: votes('+000'), adopted: true, casting: false },
    { name: '2–2 tie, chair for → adopted by the casting vote', members: 7, present: 4, votes: votes('+--', 'for'), adopted: true, casting: true },
    { name: '2–2 tie, chair against → not adopted by the casting vote', members: 7, present: 4, votes: votes('++-', 'against'), adopted: false, casting: true },
    { name: 'tie with the chair abstaining → not adopted', members: 7, present: 5, votes: votes('++--', 'abstain'), adopted: false, casting: false },
    { name: 'tie without the chair voting → not adopted', members: 5, present: 4, votes: votes('++--'), adopted: false, casting: false },
    { name: 'everyone abstains → not adopted', members: 3, present: 2, votes: votes('00'), adopted: false, casting: false },
  ])('$name', ({ members, present, votes: v, adopted, casting }) => {
    const r = countVotes({ currentMembers: members, present, votes: v });
    expect(r.adopted).toBe(adopted);
    expect(r.castingVote).toBe(casting);
    expect(r.for + r.against + r.abstain).toBe(v.length);
  });

  it.each([
    { members: 7, present: 3, votes: votes('+++') },
    { members: 6, present: 3, votes: votes('+++') },
    { members: 4, present: 2, votes: votes('+', 'for') },
  ])('no quorum ($present of $members present) → nothing adopted, refused', ({ members, present, votes: v }) => {
    expect(() => countVotes({ currentMembers: members, present, votes: v })).toThrowError(expect.objectContaining({ code: 'panel_no_quorum' }) as unknown as Error);
  });
});

describe('membership periods and conflicts of interest', () => {
  it.each([
    [{ fromDate: '2026-01-01', toDate: null }, '2026-11-20', true],
    [{ fromDate: '2026-01-01', toDate: '2026-11-20' }, '2026-11-20', true],
    [{ fromDate: '2026-01-01', toDate: '2026-11-19' }, '2026-11-20', false],
    [{ fromDate: '2026-11-21', toDate: null }, '2026-11-20', false],
  ])('%j on %s current → %s', (m, day, expected) => {
    expect(isCurrentMember(m, day)).toBe(expected);
  });
  const ngo = { organisationId: 'ngo', organisationType: 'service_provider', institutionId: null };
  it.each([
    { member: ngo, provider: { organisationId: 'ngo', institutionId: null }, conflict: true },
    { member: ngo, provider: { organisationId: 'other', institutionId: null }, conflict: false },
    { member: { organisationId: 'cas', organisationType: 'cas', institutionId: null }, provider: { organisationId: 'cas', institutionId: null }, conflict: false },
    { member: { organisationId: null, organisationType: null, institutionId: 'home' }, provider: { organisationId: null, institutionId: 'home' }, conflict: true },
  ])('conflict $conflict', ({ member, provider, conflict }) => {
    expect(hasConflictOn(member, provider)).toBe(conflict);
  });
});

const reasoned = (option: ConsideredOption['option'], ruledOutReason = 'Не відповідає потребам дитини'): ConsideredOption => ({ option, necessity: 'Потрібно', suitability: 'Підходить', ruledOutReason });

describe('best-interests determination', () => {
  it('refuses an institution without reasons for every family-based option, naming the missing ones', () => {
    const options = [reasoned('kinship'), reasoned('foster_family'), reasoned('institution', '')];
    try {
      checkDetermination({ options, chosenOption: 'institution', childViews: 'Хоче жити з бабусею', childNotHeardReason: '' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).details).toEqual({ missing: ['family_of_origin_with_support', 'family_type_home', 'guardianship', 'adoption'] });
    }
  });
  it('accepts an institution when every family-based option is ruled out with a reason', () => {
    expect(() => checkDetermination({ options: [...familyBasedOptions.map((o) => reasoned(o)), reasoned('institution', '')], chosenOption: 'institution', childViews: '', childNotHeardReason: 'Дитині 1 рік' })).not.toThrow();
  });
  it.each([
    [{ options: [reasoned('kinship')], chosenOption: 'foster_family' as const, childViews: 'так', childNotHeardReason: '' }, 'panel_chosen_option_unreasoned'],
    [{ options: [reasoned('kinship', '')], chosenOption: 'kinship' as const, childViews: '', childNotHeardReason: '' }, 'panel_child_views_missing'],
    [{ options: [reasoned('kinship', ''), reasoned('kinship', '')], chosenOption: 'kinship' as const, childViews: 'так', childNotHeardReason: '' }, 'panel_option_repeated'],
  ])('refuses %j with %s', (d, code) => {
    expect(() => checkDetermination(d)).toThrowError(expect.objectContaining({ code }) as unknown as Error);
  });
});

describe('body flags, action items, analytics bands', () => {
  it.each([
    { kind: 'child_rights_commission' as const, days: ['2026-09-01'], notMet: false, mentoring: true },
    { kind: 'child_rights_commission' as const, days: ['2026-05-01', '2026-08-19'], notMet: true, mentoring: true },
    { kind: 'child_rights_commission' as const, days: ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-10-01'], notMet: false, mentoring: false },
    { kind: 'better_care_council' as const, days: [], notMet: true, mentoring: false },
    { kind: 'community_taskforce' as const, days: ['2026-12-01'], notMet: true, mentoring: false },
  ])('$kind met on $days', ({ kind, days, notMet, mentoring }) => {
    expect(bodyFlags(kind, days, '2026-11-20')).toEqual({ notMetInQuarter: notMet, mentoring });
  });
  it.each([
    [{ status: 'open' as const, dueDate: '2026-11-19' }, true],
    [{ status: 'in_progress' as const, dueDate: '2026-11-19' }, true],
    [{ status: 'open' as const, dueDate: '2026-11-20' }, false],
    [{ status: 'done' as const, dueDate: '2026-01-01' }, false],
  ])('action %j overdue → %s', (a, expected) => {
    expect(isActionOverdue(a, '2026-11-20')).toBe(expected);
  });
  it.each([
    [null, 'unknown'],
    ['2026-05-01', 'under_1'],
    ['2024-11-20', '1_2'],
    ['2015-04-12', '11_14'],
    ['2009-01-01', '15_17'],
  ])('born %s → %s', (b, band) => {
    expect(ageBandOf(b, '2026-11-20')).toBe(band);
  });
  it('quarters', () => {
    expect([quarterOf('2026-01-01'), quarterOf('2026-03-31'), quarterOf('2026-11-20')]).toEqual(['2026-Q1', '2026-Q1', '2026-Q4']);
  });
});
