import { describe, expect, it } from 'vitest';
import { becameDone, findVisitProblems, type HomeVisitDraft } from './home-visits.ts';

const today = '2026-11-20';

describe('home visit record (SPEC §2.10)', () => {
  const done: HomeVisitDraft = {
    plannedDate: '2026-11-19',
    doneDate: '2026-11-20',
    place: 'home',
    address: '',
    visitorCount: 1,
    childSeenAlone: 'yes',
    childSeenAloneReason: '',
    observations: 'Житлові умови задовільні',
    safetyConcerns: false,
    safetyConcernsText: '',
    nextVisitProposed: '2026-12-18',
  };
  const planned: HomeVisitDraft = { ...done, doneDate: null, childSeenAlone: null, observations: '', nextVisitProposed: null };
  it.each<[string, HomeVisitDraft, string[]]>([
    ['a complete visit', done, []],
    ['a planned visit', planned, []],
    ['a planned visit with its purpose', { ...planned, observations: 'Мета: перевірити умови' }, []],
    ['no date at all', { ...planned, plannedDate: null }, ['plannedDate']],
    ['done without planning', { ...done, plannedDate: null }, []],
    ['done in the future', { ...done, doneDate: '2026-11-21', nextVisitProposed: null }, ['doneDate']],
    ['done without who, whether alone, what was seen', { ...done, visitorCount: 0, childSeenAlone: null, observations: ' ' }, ['visitors', 'childSeenAlone', 'observations']],
    ['not applicable without a reason', { ...done, childSeenAlone: 'not_applicable' }, ['childSeenAloneReason']],
    ['not applicable with a reason', { ...done, childSeenAlone: 'not_applicable', childSeenAloneReason: 'Дитині 4 місяці' }, []],
    ['safety concerns without a description', { ...done, safetyConcerns: true }, ['safetyConcernsText']],
    ['another place without an address', { ...done, place: 'other' }, ['address']],
    ['findings on a visit not yet done', { ...planned, childSeenAlone: 'no' }, ['doneDate']],
    ['next visit not after this one', { ...done, nextVisitProposed: '2026-11-20' }, ['nextVisitProposed']],
  ])('%s → %j', (_name, v, problems) => {
    expect(findVisitProblems(v, today)).toEqual(problems);
  });

  it.each<[{ doneDate: string | null } | null, { doneDate: string | null }, boolean]>([
    [null, { doneDate: today }, true],
    [null, { doneDate: null }, false],
    [{ doneDate: null }, { doneDate: today }, true],
    [{ doneDate: today }, { doneDate: today }, false],
  ])('became done: %j → %j = %s', (before, after, expected) => {
    expect(becameDone(before, after)).toBe(expected);
  });
});
