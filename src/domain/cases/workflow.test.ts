import { describe, expect, it } from 'vitest';
import { caseTypes } from './case-types.ts';
import { applyTransition, availableTransitions, caseSteps, legalStepsByStep, stepsByCaseType, type CaseStep, type WorkflowFacts } from './workflow.ts';

const allMet: WorkflowFacts = { needsAssessmentCompleted: true, planAgreedByFamily: true, closureApprovedBySupervisor: true };
const noneMet: WorkflowFacts = { needsAssessmentCompleted: false, planAgreedByFamily: false, closureApprovedBySupervisor: false };

describe('case workflow (SPEC §2.2)', () => {
  it('prevention skips tracing and reunification; reintegration has all ten steps', () => {
    expect(stepsByCaseType.prevention).not.toContain('family_tracing');
    expect(stepsByCaseType.prevention).not.toContain('reunification');
    expect(stepsByCaseType.reintegration).toEqual(caseSteps);
    expect(caseSteps).toHaveLength(10);
  });

  it('maps every step to the seven legal steps, covering all of them in order', () => {
    const legal = stepsByCaseType.reintegration.flatMap((s) => legalStepsByStep[s]);
    expect([...new Set(legal)]).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  // Every edge of every case type: forward to the next step passes with all facts met; every other forward jump fails.
  for (const type of caseTypes) {
    const steps = stepsByCaseType[type];
    steps.forEach((from, i) => {
      steps.forEach((to, j) => {
        if (i === j) return;
        it(`${type}: ${from} → ${to}`, () => {
          const req = { caseType: type, from, to, reason: 'повторне оцінювання' };
          if (j === i + 1) expect(applyTransition(req, allMet)).toEqual({ to, direction: 'forward' });
          else if (j < i) expect(applyTransition(req, noneMet)).toEqual({ to, direction: 'back' });
          else expect(() => applyTransition(req, allMet)).toThrow(expect.objectContaining({ code: 'transition_not_allowed' }));
        });
      });
    });
  }

  it.each<[CaseStep, CaseStep, keyof WorkflowFacts, string]>([
    ['child_assessment', 'family_assessment', 'needsAssessmentCompleted', 'needs_assessment_not_completed'],
    ['case_planning', 'implementation', 'planAgreedByFamily', 'plan_not_agreed'],
    ['case_review', 'closure', 'closureApprovedBySupervisor', 'closure_not_approved'],
  ])('guards %s → %s on %s', (from, to, fact, guard) => {
    const facts = { ...allMet, [fact]: false };
    expect(() => applyTransition({ caseType: 'prevention', from, to }, facts)).toThrow(expect.objectContaining({ code: 'transition_guard_failed', details: expect.objectContaining({ guard }) }));
  });

  it('needs a reason to go back, and refuses steps outside the case type', () => {
    expect(() => applyTransition({ caseType: 'prevention', from: 'case_planning', to: 'child_assessment', reason: ' ' }, allMet)).toThrow(expect.objectContaining({ code: 'transition_reason_required' }));
    expect(() => applyTransition({ caseType: 'prevention', from: 'family_assessment', to: 'family_tracing' }, allMet)).toThrow(expect.objectContaining({ code: 'step_not_in_case_type' }));
  });

  it('offers the next step and every earlier one', () => {
    expect(availableTransitions('prevention', 'child_assessment')).toEqual({ forward: 'family_assessment', back: ['identification'] });
    expect(availableTransitions('reintegration', 'child_assessment').forward).toBe('family_tracing');
    expect(availableTransitions('prevention', 'closure').forward).toBeNull();
  });
});
