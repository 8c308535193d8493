/** Kinds of event on a case's timeline; every one has a label in both web catalogues (checked by a test). */
export const caseEventKinds = [
  'notification_received',
  'case_opened_from_emergency_contact',
  'case_registered',
  'step_changed',
  'needs_assessment_saved',
  'needs_assessment_completed',
  'safety_assessment_started',
  'safety_assessment_saved',
  'safety_assessment_completed',
  'safety_action_recorded',
  'tracing_attempt_recorded',
  'relative_added',
  'relative_updated',
  'family_assessment_started',
  'family_assessment_saved',
  'family_assessment_completed',
  'care_episode_started',
  'care_episode_ended',
  'plan_version_created',
  'plan_agreed',
  'service_decision_recorded',
  'agreement_signed',
] as const;
/** One kind of timeline event. */
export type CaseEventKind = (typeof caseEventKinds)[number];
