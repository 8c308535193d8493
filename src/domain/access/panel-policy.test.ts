import { describe, expect, it } from 'vitest';
import type { OrganisationType, Role } from '../organisations/roles.ts';
import type { BodyKind } from '../panels/panels.ts';
import type { Actor } from './actor.ts';
import { canKeepBody, mayKeepSomeBody, type BodyPlaceFacts } from './panel-policy.ts';

const as = (role: Role, hromadaId: string | null, organisationType: OrganisationType = 'cas'): Actor => ({ userId: 'u', grants: [{ role, organisationId: 'o', organisationType, hromadaId }] });
const hromada = (kind: BodyKind, territoryId = 'bucha', oblastId = 'kyiv'): BodyPlaceFacts => ({ kind, territoryId, territoryLevel: 'hromada', oblastId });
const oblast = (territoryId = 'kyiv'): BodyPlaceFacts => ({ kind: 'better_care_council', territoryId, territoryLevel: 'oblast', oblastId: territoryId });

describe('who sets up and changes a body (SPEC §3, §9)', () => {
  const cases: Array<[string, Actor, BodyPlaceFacts, readonly string[], boolean]> = [
    ['admin: any body at its level', as('system_admin', null), hromada('guardianship_body', 'stryi', 'lviv'), [], true],
    ['admin: not at the wrong level', as('system_admin', null), { ...oblast(), kind: 'community_taskforce' }, [], false],
    ['coordinator: the council of their oblast', as('oblast_coordinator', null, 'oblast_administration'), oblast('kyiv'), ['kyiv'], true],
    ['coordinator: not another oblast’s council', as('oblast_coordinator', null, 'oblast_administration'), oblast('lviv'), ['kyiv'], false],
    ['coordinator: a taskforce of a hromada of their oblast', as('oblast_coordinator', null, 'oblast_administration'), hromada('community_taskforce'), ['kyiv'], true],
    ['coordinator: not a taskforce elsewhere', as('oblast_coordinator', null, 'oblast_administration'), hromada('community_taskforce', 'stryi', 'lviv'), ['kyiv'], false],
    ['coordinator: not a hromada’s commission', as('oblast_coordinator', null, 'oblast_administration'), hromada('child_rights_commission'), ['kyiv'], false],
    ['planner: their hromada’s taskforce', as('community_planner', 'bucha', 'social_protection'), hromada('community_taskforce'), [], true],
    ['planner: not another hromada’s taskforce', as('community_planner', 'bucha', 'social_protection'), hromada('community_taskforce', 'stryi', 'lviv'), [], false],
    ['planner: not the commission', as('community_planner', 'bucha', 'social_protection'), hromada('child_rights_commission'), [], false],
    ['Child Affairs: their hromada’s commission', as('child_affairs_specialist', 'bucha'), hromada('child_rights_commission'), [], true],
    ['Child Affairs: their hromada’s guardianship body', as('child_affairs_specialist', 'bucha'), hromada('guardianship_body'), [], true],
    ['Child Affairs: not the taskforce', as('child_affairs_specialist', 'bucha'), hromada('community_taskforce'), [], false],
    ['Child Affairs: not another hromada', as('child_affairs_specialist', 'bucha'), hromada('child_rights_commission', 'stryi', 'lviv'), [], false],
    ['case manager: never', as('case_manager', 'bucha', 'css'), hromada('child_rights_commission'), [], false],
    ['panel secretary: never (keeps members and meetings only)', as('panel_secretary', 'bucha', 'child_rights_commission'), hromada('child_rights_commission'), [], false],
  ];
  it.each(cases)('%s', (_name, actor, place, coordinated, expected) => {
    expect(canKeepBody(actor, place, coordinated)).toBe(expected);
  });
  it('only keepers see the new-body form', () => {
    expect([as('case_manager', 'bucha', 'css'), as('panel_secretary', 'bucha'), as('national_analyst', null), as('child_affairs_specialist', 'bucha')].map(mayKeepSomeBody)).toEqual([false, false, false, true]);
  });
});
