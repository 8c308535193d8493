import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { allowedCaseActions, canOnCase, caseScopeOf, type CaseAccessFacts } from './case-policy.ts';
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

  it('derives the SQL scope from the same grants', () => {
    expect(caseScopeOf({ userId: 'u', grants: [{ role: 'child_affairs_specialist', organisationId: 'o', organisationType: 'cas', hromadaId: 'h1' }, { role: 'supervisor', organisationId: 'o2', organisationType: 'css', hromadaId: 'h1' }] })).toEqual({ userId: 'u', isSupervisor: true, childAffairsHromadaIds: ['h1'] });
  });

  it('lets only the CSS or Child Affairs of the hromada register a case there', () => {
    expect(canRegisterCaseIn(actor('cm', 'case_manager', 'css', 'h1'), 'h1')).toBe(true);
    expect(canRegisterCaseIn(actor('cm', 'case_manager', 'css', 'h1'), 'h2')).toBe(false);
    expect(canRegisterCaseIn(actor('r', 'reporter', 'school', 'h1'), 'h1')).toBe(false);
  });
});
