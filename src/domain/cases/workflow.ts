import { DomainError } from '../errors.ts';
import type { CaseType } from './case-types.ts';

/** The ten global case-management steps (SPEC §2.2; 000 §3.1–3.10). */
export const caseSteps = [
  'identification',
  'child_assessment',
  'family_tracing',
  'family_assessment',
  'case_planning',
  'implementation',
  'reunification',
  'monitoring',
  'case_review',
  'closure',
] as const;
/** One global step. */
export type CaseStep = (typeof caseSteps)[number];

/**
 * Steps of each case type, in order. Prevention skips tracing and reunification (SPEC §2.2);
 * preparation for placement is part of implementation. Care leavers live apart from the family
 * of origin by design, so they skip them too.
 */
export const stepsByCaseType: Record<CaseType, readonly CaseStep[]> = {
  prevention: ['identification', 'child_assessment', 'family_assessment', 'case_planning', 'implementation', 'monitoring', 'case_review', 'closure'],
  reintegration: caseSteps,
  alternative_care: caseSteps,
  returning_child: caseSteps,
  care_leaver: ['identification', 'child_assessment', 'family_assessment', 'case_planning', 'implementation', 'monitoring', 'case_review', 'closure'],
};

/**
 * The seven legal steps of the Law of Ukraine "On Social Services" art. 18, and which global step carries each.
 * 1 analysis of the report, 2 needs assessment, 3 decision on services, 4 individual plan,
 * 5 agreement, 6 implementation, 7 monitoring of provision and quality.
 */
export const legalStepsByStep: Record<CaseStep, readonly number[]> = {
  identification: [1],
  child_assessment: [2],
  family_tracing: [2],
  family_assessment: [2],
  case_planning: [3, 4, 5],
  implementation: [6],
  reunification: [6],
  monitoring: [7],
  case_review: [7],
  closure: [7],
};

/** Facts about the case that guards read. */
export type WorkflowFacts = {
  needsAssessmentCompleted: boolean;
  planAgreedByFamily: boolean;
  closureApprovedBySupervisor: boolean;
};

/** A guard returns the code of the unmet condition, or null. */
type Guard = (facts: WorkflowFacts) => string | null;

/** Guards on leaving a step forward; declared as data (ARCHITECTURE habit 1). */
export const exitGuards: Partial<Record<CaseStep, Guard>> = {
  // Law "On Social Services" art. 18–20: no decision or plan before the needs assessment.
  child_assessment: (f) => (f.needsAssessmentCompleted ? null : 'needs_assessment_not_completed'),
  // SPEC §2.2: no implementation without a plan agreed by the family.
  case_planning: (f) => (f.planAgreedByFamily ? null : 'plan_not_agreed'),
};

/** Guards on entering a step. */
export const entryGuards: Partial<Record<CaseStep, Guard>> = {
  // SPEC §2.14: no closure without criteria and a supervisor's approval.
  closure: (f) => (f.closureApprovedBySupervisor ? null : 'closure_not_approved'),
};

/** A requested move between steps. */
export type TransitionRequest = { caseType: CaseType; from: CaseStep; to: CaseStep; reason?: string | null };

/** The result of a permitted transition. */
export type TransitionResult = { to: CaseStep; direction: 'forward' | 'back' };

/** Steps the case may go to next: the next step forward and every earlier step. */
export function availableTransitions(caseType: CaseType, from: CaseStep): { forward: CaseStep | null; back: CaseStep[] } {
  const steps = stepsByCaseType[caseType];
  const i = steps.indexOf(from);
  return { forward: i >= 0 && i < steps.length - 1 ? (steps[i + 1] ?? null) : null, back: i > 0 ? steps.slice(0, i) : [] };
}

/**
 * Applies one transition: forward to the next step of the case type when its guards pass,
 * or back to any earlier step (re-assessment, re-planning) with a stated reason.
 */
export function applyTransition(req: TransitionRequest, facts: WorkflowFacts): TransitionResult {
  const steps = stepsByCaseType[req.caseType];
  const from = steps.indexOf(req.from);
  const to = steps.indexOf(req.to);
  if (from < 0) throw new DomainError('step_not_in_case_type', `Step ${req.from} is not part of a ${req.caseType} case`, { step: req.from });
  if (to < 0) throw new DomainError('step_not_in_case_type', `Step ${req.to} is not part of a ${req.caseType} case`, { step: req.to });
  if (to === from) throw new DomainError('transition_not_allowed', 'The case is already at this step', { from: req.from, to: req.to });
  if (to < from) {
    if (!req.reason || req.reason.trim() === '') throw new DomainError('transition_reason_required', 'Going back a step needs a reason', { from: req.from, to: req.to });
    return { to: req.to, direction: 'back' };
  }
  if (to !== from + 1) throw new DomainError('transition_not_allowed', 'Steps cannot be skipped', { from: req.from, to: req.to });
  const failed = exitGuards[req.from]?.(facts) ?? entryGuards[req.to]?.(facts) ?? null;
  if (failed) throw new DomainError('transition_guard_failed', `Cannot move from ${req.from} to ${req.to}: ${failed}`, { guard: failed, from: req.from, to: req.to });
  return { to: req.to, direction: 'forward' };
}

/** The step a newly registered case opens at: the report has been analysed (legal step 1), so the needs assessment comes next. */
export function initialStep(): CaseStep {
  return 'child_assessment';
}

/** The guard that would refuse the next forward step now, or null when the step may be taken (shown beside the button). */
export function forwardBlockedBy(caseType: CaseType, from: CaseStep, facts: WorkflowFacts): string | null {
  const next = availableTransitions(caseType, from).forward;
  if (!next) return null;
  return exitGuards[from]?.(facts) ?? entryGuards[next]?.(facts) ?? null;
}
