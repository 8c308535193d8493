import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  careTypes,
  checkEpisodeDates,
  checkEpisodeEnd,
  checkInstitutionDetails,
  episodesOverlap,
  findEpisodeConflicts,
  isFamilyBased,
  isValidEpisodeHistory,
  planNewEpisode,
  type CareType,
  type EpisodeSpan,
  type InstitutionDetails,
} from './care-episodes.ts';

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

const ep = (id: string, startDate: string, endDate: string | null): EpisodeSpan => ({ id, startDate, endDate });

describe('isFamilyBased', () => {
  it.each(careTypes.map((t) => [t, t !== 'institution'] as [CareType, boolean]))('%s → %s', (type, expected) => {
    expect(isFamilyBased(type)).toBe(expected);
  });
});

describe('episodesOverlap (inclusive dates, open end = current)', () => {
  it.each<[string, EpisodeSpan, EpisodeSpan, boolean]>([
    ['disjoint', ep('a', '2020-01-01', '2020-12-31'), ep('b', '2021-02-01', '2021-03-01'), false],
    ['adjacent days', ep('a', '2020-01-01', '2020-12-31'), ep('b', '2021-01-01', null), false],
    ['share the last day', ep('a', '2020-01-01', '2020-12-31'), ep('b', '2020-12-31', null), true],
    ['one inside the other', ep('a', '2020-01-01', '2022-12-31'), ep('b', '2021-01-01', '2021-06-30'), true],
    ['two current', ep('a', '2020-01-01', null), ep('b', '2024-01-01', null), true],
    ['current after a closed one', ep('a', '2024-01-01', null), ep('b', '2020-01-01', '2023-12-31'), false],
    ['current starting inside a closed one', ep('a', '2023-06-01', null), ep('b', '2020-01-01', '2023-12-31'), true],
    ['same single day', ep('a', '2024-05-05', '2024-05-05'), ep('b', '2024-05-05', '2024-05-05'), true],
  ])('%s → %s', (_name, a, b, expected) => {
    expect(episodesOverlap(a, b)).toBe(expected);
    expect(episodesOverlap(b, a)).toBe(expected);
  });
});

describe('findEpisodeConflicts / isValidEpisodeHistory', () => {
  it.each<[string, EpisodeSpan[], ReturnType<typeof findEpisodeConflicts>]>([
    ['empty', [], []],
    ['one current', [ep('a', '2020-01-01', null)], []],
    ['sequence ending in a current one', [ep('a', '2015-01-01', '2019-12-31'), ep('b', '2020-01-01', '2022-06-30'), ep('c', '2022-07-01', null)], []],
    ['overlapping closed episodes', [ep('a', '2015-01-01', '2019-12-31'), ep('b', '2019-06-01', '2020-06-30')], [{ kind: 'overlap', ids: ['a', 'b'] }]],
    ['two current', [ep('a', '2015-01-01', null), ep('b', '2019-06-01', null)], [{ kind: 'overlap', ids: ['a', 'b'] }, { kind: 'several_open', ids: ['a', 'b'] }]],
  ])('%s', (_name, episodes, conflicts) => {
    expect(findEpisodeConflicts(episodes)).toEqual(conflicts);
    expect(isValidEpisodeHistory(episodes)).toBe(conflicts.length === 0);
  });
});

describe('checkEpisodeDates', () => {
  it.each<[string, string, string | null, string | null]>([
    ['current since a past date', '2020-01-01', null, null],
    ['one day', '2020-01-01', '2020-01-01', null],
    ['starting today', today, null, null],
    ['ends before it starts', '2020-01-02', '2020-01-01', 'care_episode_dates_invalid'],
    ['starts tomorrow', '2026-11-21', null, 'date_in_future'],
    ['ends tomorrow', '2020-01-01', '2026-11-21', 'date_in_future'],
  ])('%s → %s', (_name, startDate, endDate, code) => {
    expect(codeOf(() => checkEpisodeDates({ startDate, endDate }, today))).toBe(code);
  });
});

describe('checkInstitutionDetails (SPEC §2.11, §6)', () => {
  it.each<[InstitutionDetails, string | null]>([
    [{ careType: 'institution', institutionType: 'baby_home', institutionSubordination: 'health' }, null],
    [{ careType: 'institution', institutionType: null, institutionSubordination: 'health' }, 'institution_details_required'],
    [{ careType: 'institution', institutionType: 'boarding_school', institutionSubordination: null }, 'institution_details_required'],
    [{ careType: 'foster_family', institutionType: null, institutionSubordination: null }, null],
    [{ careType: 'kinship', institutionType: 'shelter', institutionSubordination: null }, 'institution_details_not_applicable'],
    [{ careType: 'own_family', institutionType: null, institutionSubordination: 'private' }, 'institution_details_not_applicable'],
  ])('%j → %s', (details, code) => {
    expect(codeOf(() => checkInstitutionDetails(details))).toBe(code);
  });
});

describe('planNewEpisode', () => {
  const history = [ep('old', '2015-01-01', '2019-12-31'), ep('cur', '2020-01-01', null)];

  it.each<[string, EpisodeSpan[], { startDate: string; endDate: string | null }, { close: { id: string; endDate: string } | null } | string]>([
    ['first episode', [], { startDate: '2020-01-01', endDate: null }, { close: null }],
    ['new current episode ends the current one the day before', history, { startDate: '2026-03-01', endDate: null }, { close: { id: 'cur', endDate: '2026-02-28' } }],
    ['new current episode the day after the current began', history, { startDate: '2020-01-02', endDate: null }, { close: { id: 'cur', endDate: '2020-01-01' } }],
    ['new current episode on the same day as the current one', history, { startDate: '2020-01-01', endDate: null }, 'care_episode_overlap'],
    ['new current episode before the current one', history, { startDate: '2019-06-01', endDate: null }, 'care_episode_overlap'],
    ['earlier history that fits a gap', [ep('cur', '2020-01-01', null)], { startDate: '2012-01-01', endDate: '2014-12-31' }, { close: null }],
    ['earlier history that overlaps a closed episode', history, { startDate: '2014-01-01', endDate: '2015-01-01' }, 'care_episode_overlap'],
    ['a closed episode inside the current one', history, { startDate: '2021-01-01', endDate: '2021-06-30' }, 'care_episode_overlap'],
    ['a future start', history, { startDate: '2026-12-01', endDate: null }, 'date_in_future'],
    ['after a closed history, nothing current', [ep('old', '2015-01-01', '2019-12-31')], { startDate: '2020-01-01', endDate: null }, { close: null }],
  ])('%s', (_name, existing, candidate, expected) => {
    if (typeof expected === 'string') expect(codeOf(() => planNewEpisode(existing, candidate, today))).toBe(expected);
    else expect(planNewEpisode(existing, candidate, today)).toEqual(expected);
  });

  it('leaves a valid history after the plan is applied', () => {
    const plan = planNewEpisode(history, { startDate: '2026-03-01', endDate: null }, today);
    const after = [...history.map((e) => (e.id === plan.close?.id ? { ...e, endDate: plan.close.endDate } : e)), ep('new', '2026-03-01', null)];
    expect(isValidEpisodeHistory(after)).toBe(true);
  });

  it('names the episode it clashes with', () => {
    try {
      planNewEpisode(history, { startDate: '2014-01-01', endDate: '2015-01-01' }, today);
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).details).toEqual({ episodeId: 'old', startDate: '2015-01-01', endDate: '2019-12-31' });
    }
  });
});

describe('checkEpisodeEnd', () => {
  it.each<[string, EpisodeSpan, string, string | null]>([
    ['ends a current episode', ep('a', '2020-01-01', null), '2026-11-01', null],
    ['ends on its first day', ep('a', '2020-01-01', null), '2020-01-01', null],
    ['already ended', ep('a', '2020-01-01', '2021-01-01'), '2026-11-01', 'care_episode_already_ended'],
    ['before the start', ep('a', '2020-01-01', null), '2019-12-31', 'care_episode_dates_invalid'],
    ['in the future', ep('a', '2020-01-01', null), '2026-12-01', 'date_in_future'],
  ])('%s → %s', (_name, episode, endDate, code) => {
    expect(codeOf(() => checkEpisodeEnd(episode, endDate, today))).toBe(code);
  });
});
