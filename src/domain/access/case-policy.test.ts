import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { activeEmergencyCaseIds, allowedCaseActions, canOnCase, caseActions, caseLifecycleActions, caseScopeOf, caseTeamActions, mayBreakGlass, relationToCase, type CaseAccessFacts } from './case-policy.ts';
import { canRegisterCaseIn } from './intake-policy.ts';

const facts: CaseAccessFacts = { hromadaId: 'h1', organisationId: 'css1', caseManagerId: 'cm', caseManagerSupervisorId: 'sv', status: 'open' };
const actor = (userId: string, role: Actor['grants'][number]['role'], organisationType: Actor['grants'][number]['organisationType'], hromadaId: string | null): Actor => ({ userId, grants: [{ role, organisationId: 'o', organisationType, hromadaId }] });

describe('case access policy (SPEC §11)', () => {
  it.each<[string, Actor, string[]]>([
    ['assigned case manager', actor('cm', 'case_manager', 'css', 'h1'), ['case.view', 'case.transition', 'needs_assessment.edit', 'needs_assessment.complete']],
    ['their supervisor', actor('sv', 'supervisor', 'css', 'h1'), ['case.view', 'case.transition', 'needs_assessment.edit', 'needs_assessment.complete']],
    ['Child Affairs of the hromada', actor('x', 'child_affairs_specialist', 'cas', 'h1'), ['case.view']],
    ['Child Affairs of another hromada', actor('x', 'child_affairs_specialist', 'cas', 'h2'), []],
    ['another case manager of the same centre', actor('cm2', 'case_manager', 'css', 'h1'), []],
    ['a supervisor of someone else', actor('sv2', 'supervisor', 'css', 'h1'), []],
    ['the case manager id without the role', actor('cm', 'reporter', 'school', 'h1'), []],
    ['a national analyst', actor('a', 'national_analyst', 'coordination_centre', null), []],
    ['an administrator', actor('adm', 'system_admin', 'coordination_centre', null), []],
  ])('%s', (_name, a, expected) => {
    expect(allowedCaseActions(a, facts)).toEqual(expected);
  });

  it('hides (404) rather than forbids when out of scope, forbids changes on a closed case', () => {
    expect(canOnCase(actor('z', 'case_manager', 'css', 'h2'), 'case.view', facts)).toEqual({ allowed: false, outcome: 'hidden', reason: 'not_in_scope' });
    expect(canOnCase(actor('cm', 'case_manager', 'css', 'h1'), 'needs_assessment.edit', { ...facts, status: 'closed' })).toEqual({ allowed: false, outcome: 'forbidden', reason: 'case_closed' });
  });

  const lifecycle = (a: Actor, f: CaseAccessFacts) => caseLifecycleActions.filter((action) => canOnCase(a, action, f).allowed);
  const inCentre = (userId: string, role: Actor['grants'][number]['role'], organisationId: string): Actor => ({ userId, grants: [{ role, organisationId, organisationType: 'css', hromadaId: 'h1' }] });

  it.each<[string, Actor, string[], string[]]>([
    ['assigned case manager', actor('cm', 'case_manager', 'css', 'h1'), ['case.follow_up', 'case.reopen'], ['case.follow_up', 'case.reopen']],
    ['their supervisor', actor('sv', 'supervisor', 'css', 'h1'), ['case.follow_up', 'case.reopen', 'approval.decide'], ['case.follow_up', 'case.reopen']],
    ['another supervisor of the same Centre (stand-in)', inCentre('sv2', 'supervisor', 'css1'), ['approval.decide'], []],
    ['a supervisor of another Centre', inCentre('sv3', 'supervisor', 'css2'), [], []],
    ['another case manager of the same Centre', inCentre('cm2', 'case_manager', 'css1'), [], []],
    ['Child Affairs of the hromada', actor('x', 'child_affairs_specialist', 'cas', 'h1'), [], []],
  ])('lifecycle actions (follow-up, reopening, approvals): %s', (_name, a, onOpen, onClosed) => {
    expect(lifecycle(a, facts)).toEqual(onOpen);
    expect(lifecycle(a, { ...facts, status: 'closed' })).toEqual(onClosed);
  });

  it('keeps lifecycle actions out of the case page list, reads closed cases, and explains refusals', () => {
    const cm = actor('cm', 'case_manager', 'css', 'h1');
    expect(allowedCaseActions(cm, { ...facts, status: 'closed' })).toEqual(['case.view']);
    expect(allowedCaseActions(actor('x', 'child_affairs_specialist', 'cas', 'h1'), { ...facts, status: 'closed' })).toEqual(['case.view']);
    expect(canOnCase(cm, 'approval.decide', facts)).toEqual({ allowed: false, outcome: 'forbidden', reason: 'not_supervisor' });
    expect(canOnCase(inCentre('cm2', 'case_manager', 'css1'), 'approval.decide', facts)).toEqual({ allowed: false, outcome: 'hidden', reason: 'not_in_scope' });
    expect(canOnCase(actor('sv', 'supervisor', 'css', 'h1'), 'approval.decide', { ...facts, status: 'closed' })).toEqual({ allowed: false, outcome: 'forbidden', reason: 'case_closed' });
    expect(canOnCase(actor('x', 'child_affairs_specialist', 'cas', 'h1'), 'case.reopen', { ...facts, status: 'closed' })).toEqual({ allowed: false, outcome: 'forbidden', reason: 'not_case_manager' });
    expect(canOnCase(actor('z', 'case_manager', 'css', 'h2'), 'case.follow_up', { ...facts, status: 'closed' })).toEqual({ allowed: false, outcome: 'hidden', reason: 'not_in_scope' });
  });

  it('derives the SQL scope from the same grants', () => {
    expect(caseScopeOf({ userId: 'u', grants: [{ role: 'child_affairs_specialist', organisationId: 'o', organisationType: 'cas', hromadaId: 'h1' }, { role: 'supervisor', organisationId: 'o2', organisationType: 'css', hromadaId: 'h1' }] })).toEqual({ userId: 'u', isSupervisor: true, childAffairsHromadaIds: ['h1'], emergencyCaseIds: [] });
  });

  it('lets only the CSS or Child Affairs of the hromada register a case there', () => {
    expect(canRegisterCaseIn(actor('cm', 'case_manager', 'css', 'h1'), 'h1')).toBe(true);
    expect(canRegisterCaseIn(actor('cm', 'case_manager', 'css', 'h1'), 'h2')).toBe(false);
    expect(canRegisterCaseIn(actor('r', 'reporter', 'school', 'h1'), 'h1')).toBe(false);
  });
});

describe('the interdisciplinary team (SPEC §2.16)', () => {
  const withTeam: CaseAccessFacts = { ...facts, teamMemberIds: ['psy', 'cas-member', 'cm2'] };
  const team = (a: Actor, f: CaseAccessFacts) => caseTeamActions.filter((action) => canOnCase(a, action, f).allowed);
  // A provider's psychologist from another hromada: no role gives them the case, only the team does.
  const psychologist = actor('psy', 'provider_worker', 'service_provider', 'h2');

  it.each<[string, Actor, CaseAccessFacts, string[], string[]]>([
    ['assigned case manager', actor('cm', 'case_manager', 'css', 'h1'), withTeam, ['case.view', 'case.transition', 'needs_assessment.edit', 'needs_assessment.complete'], ['case.contribute', 'case.manage_team']],
    ['their supervisor', actor('sv', 'supervisor', 'css', 'h1'), withTeam, ['case.view', 'case.transition', 'needs_assessment.edit', 'needs_assessment.complete'], ['case.contribute', 'case.manage_team']],
    ['a team member of another hromada', psychologist, withTeam, ['case.view'], ['case.contribute']],
    ['the same user off the team', psychologist, facts, [], []],
    ['the same user, team not loaded', psychologist, { ...facts, teamMemberIds: [] }, [], []],
    ['Child Affairs of the hromada on the team', actor('cas-member', 'child_affairs_specialist', 'cas', 'h1'), withTeam, ['case.view'], ['case.contribute']],
    ['Child Affairs of the hromada not on the team', actor('x', 'child_affairs_specialist', 'cas', 'h1'), withTeam, ['case.view'], []],
    ['another case manager of the Centre on the team', actor('cm2', 'case_manager', 'css', 'h1'), withTeam, ['case.view'], ['case.contribute']],
    ['another case manager of the Centre not on the team', actor('cm3', 'case_manager', 'css', 'h1'), withTeam, [], []],
  ])('%s', (_name, a, f, caseActionsExpected, teamActionsExpected) => {
    expect(allowedCaseActions(a, f)).toEqual(caseActionsExpected);
    expect(team(a, f)).toEqual(teamActionsExpected);
  });

  it('relates a member as such, hides the case once they are off the team, and stops contributions on a closed case', () => {
    expect(relationToCase(psychologist, withTeam)).toBe('team_member');
    expect(relationToCase(actor('cm', 'case_manager', 'css', 'h1'), withTeam)).toBe('case_manager');
    expect(canOnCase(psychologist, 'case.view', facts)).toEqual({ allowed: false, outcome: 'hidden', reason: 'not_in_scope' });
    expect(canOnCase(psychologist, 'case.manage_team', withTeam)).toEqual({ allowed: false, outcome: 'forbidden', reason: 'not_case_manager' });
    expect(canOnCase(psychologist, 'case.contribute', { ...withTeam, status: 'closed' })).toEqual({ allowed: false, outcome: 'forbidden', reason: 'case_closed' });
    expect(canOnCase(psychologist, 'case.view', { ...withTeam, status: 'closed' })).toEqual({ allowed: true });
    expect(team(actor('cm', 'case_manager', 'css', 'h1'), { ...withTeam, status: 'closed' })).toEqual([]);
  });

  it('gives team members none of the lifecycle actions', () => {
    expect(caseLifecycleActions.filter((action) => canOnCase(psychologist, action, withTeam).allowed)).toEqual([]);
  });
});

describe('break-the-glass emergency access (SPEC §11)', () => {
  const withId: CaseAccessFacts = { ...facts, caseId: 'c1' };
  const stranger = (role: Actor['grants'][number]['role'], emergencyCaseIds: string[]): Actor => ({ ...actor('z', role, role === 'child_affairs_specialist' ? 'cas' : 'css', 'h2'), emergencyCaseIds });

  it.each<[string, Actor, CaseAccessFacts, string[]]>([
    ['a case manager of another hromada with an access to the case', stranger('case_manager', ['c1']), withId, ['case.view']],
    ['a supervisor with an access to the case', stranger('supervisor', ['c1']), withId, ['case.view']],
    ['Child Affairs of another hromada with an access to the case', stranger('child_affairs_specialist', ['c1']), withId, ['case.view']],
    ['an access to another case', stranger('case_manager', ['c2']), withId, []],
    ['an access, case id not loaded', stranger('case_manager', ['c1']), facts, []],
    ['the assigned case manager keeps their own relation', { ...actor('cm', 'case_manager', 'css', 'h1'), emergencyCaseIds: ['c1'] }, withId, [...caseActions]],
  ])('%s', (_name, a, f, expected) => {
    expect(allowedCaseActions(a, f)).toEqual(expected);
  });

  it('relates as emergency, reads closed cases, refuses every write visibly (403)', () => {
    const a = stranger('case_manager', ['c1']);
    expect(relationToCase(a, withId)).toBe('emergency');
    expect(canOnCase(a, 'case.view', { ...withId, status: 'closed' })).toEqual({ allowed: true });
    for (const action of [...caseActions, ...caseTeamActions, 'case.follow_up', 'case.reopen'] as const) {
      if (action === 'case.view') continue;
      expect(canOnCase(a, action, withId), action).toEqual({ allowed: false, outcome: 'forbidden', reason: 'emergency_access_read_only' });
    }
    expect(canOnCase(a, 'approval.decide', withId)).toEqual({ allowed: false, outcome: 'forbidden', reason: 'not_supervisor' });
    expect(caseScopeOf(a).emergencyCaseIds).toEqual(['c1']);
  });

  it('counts an access only while its window is open, by the clock', () => {
    const grants = [
      { caseId: 'c1', expiresAt: new Date('2026-11-20T09:00:00Z') },
      { caseId: 'c2', expiresAt: new Date('2026-11-20T10:00:00Z') },
    ];
    expect(activeEmergencyCaseIds(grants, new Date('2026-11-20T08:59:59Z'))).toEqual(['c1', 'c2']);
    expect(activeEmergencyCaseIds(grants, new Date('2026-11-20T09:00:00Z'))).toEqual(['c2']);
    expect(activeEmergencyCaseIds(grants, new Date('2026-11-20T10:00:01Z'))).toEqual([]);
  });

  it('lets only staff who work with children’s cases break the glass', () => {
    expect(mayBreakGlass(actor('a', 'case_manager', 'css', 'h1'))).toBe(true);
    expect(mayBreakGlass(actor('a', 'supervisor', 'css', 'h1'))).toBe(true);
    expect(mayBreakGlass(actor('a', 'child_affairs_specialist', 'cas', 'h1'))).toBe(true);
    for (const role of ['reporter', 'provider_worker', 'national_analyst', 'auditor', 'system_admin'] as const) {
      expect(mayBreakGlass(actor('a', role, 'coordination_centre', null)), role).toBe(false);
    }
  });
});
