import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { canEnterIndicatorValuesOf, canReadIndicatorsOf, canUseIndicators, indicatorScopeOf, isOwnStaffOf, type TerritoryPath } from './indicator-policy.ts';

const grant = (role: Actor['grants'][number]['role'], hromadaId: string | null = null) => ({ role, organisationId: 'o', organisationType: 'css' as const, hromadaId });
const actor = (...grants: Actor['grants']): Actor => ({ userId: 'u', grants });

const bucha: TerritoryPath = { oblastId: 'kyiv', rayonId: 'bucha-r', hromadaId: 'bucha' };
const dmytrivka: TerritoryPath = { oblastId: 'kyiv', rayonId: 'bucha-r', hromadaId: 'dmytrivka' };
const buchaRayon: TerritoryPath = { oblastId: 'kyiv', rayonId: 'bucha-r', hromadaId: null };
const kyiv: TerritoryPath = { oblastId: 'kyiv', rayonId: null, hromadaId: null };
const lviv: TerritoryPath = { oblastId: 'lviv', rayonId: null, hromadaId: null };
const stryi: TerritoryPath = { oblastId: 'lviv', rayonId: 'stryi-r', hromadaId: 'stryi' };
const national: TerritoryPath = { oblastId: null, rayonId: null, hromadaId: null };

describe('indicator access (SPEC §10, §11)', () => {
  it('the national analyst reads and enters everything as own staff', () => {
    const s = indicatorScopeOf(actor(grant('national_analyst')), [], []);
    for (const p of [national, kyiv, lviv, stryi, bucha]) {
      expect(canReadIndicatorsOf(s, p)).toBe(true);
      expect(isOwnStaffOf(s, p)).toBe(true);
      expect(canEnterIndicatorValuesOf(s, p)).toBe(true);
    }
  });

  it('the Kyiv coordinator: own staff in Kyiv oblast, the country for comparison (suppressed), never Lviv', () => {
    const s = indicatorScopeOf(actor(grant('oblast_coordinator')), ['kyiv'], []);
    for (const p of [kyiv, buchaRayon, bucha]) expect([canReadIndicatorsOf(s, p), isOwnStaffOf(s, p), canEnterIndicatorValuesOf(s, p)]).toEqual([true, true, true]);
    expect([canReadIndicatorsOf(s, national), isOwnStaffOf(s, national), canEnterIndicatorValuesOf(s, national)]).toEqual([true, false, false]);
    for (const p of [lviv, stryi]) expect(canReadIndicatorsOf(s, p)).toBe(false);
  });

  it('the Bucha planner and supervisor: own hromada; containing rayon, oblast and country suppressed; not a neighbour', () => {
    for (const role of ['community_planner', 'supervisor'] as const) {
      const s = indicatorScopeOf(actor(grant(role, 'bucha')), [], [bucha]);
      expect(isOwnStaffOf(s, bucha)).toBe(true);
      for (const p of [buchaRayon, kyiv, national]) expect([canReadIndicatorsOf(s, p), isOwnStaffOf(s, p)]).toEqual([true, false]);
      for (const p of [dmytrivka, lviv, stryi]) expect(canReadIndicatorsOf(s, p)).toBe(false);
      expect(canEnterIndicatorValuesOf(s, bucha)).toBe(role === 'community_planner');
    }
  });

  it('other roles use no indicators', () => {
    for (const role of ['case_manager', 'child_affairs_specialist', 'reporter', 'provider_worker', 'system_admin', 'auditor', 'panel_member'] as const) {
      const a = actor(grant(role, 'bucha'));
      expect(canUseIndicators(a)).toBe(false);
      expect(canReadIndicatorsOf(indicatorScopeOf(a, [], []), national)).toBe(false);
    }
  });
});
