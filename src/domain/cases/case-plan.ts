import { DomainError } from '../errors.ts';

/**
 * The social support plan of a family/person (Order of the Ministry of Social Policy No. 1005 of 2018,
 * "План соціального супроводу сім'ї/особи"; the individual plan of the Law of Ukraine "On Social Services" art. 18 step 4;
 * SPEC §2.8; 000 §3.5). Goals are set per well-being domain (SPEC §2.6), each with measures that name who is
 * responsible, by when and with what expected result. Plans are versioned: a revision is a new row, never an edit of an agreed one.
 */
export const planStatuses = ['draft', 'agreed', 'superseded'] as const;
/** Where a plan version stands: being written, agreed with the family, or replaced by a later agreed version. */
export type PlanStatus = (typeof planStatuses)[number];

/**
 * Measures of the Order 1005 plan form: preparing documents for state aid, organising housing repair, creating safe
 * conditions for children, employment of able-bodied family members, legal advice, protection of housing and property
 * rights, home care, reducing risks to children during the parents' divorce, rehabilitation; `other` for the rest.
 */
export const measureTypes = [
  'documents_for_state_aid',
  'housing_repair',
  'safe_conditions_for_children',
  'employment',
  'legal_advice',
  'housing_property_rights',
  'home_care',
  'divorce_risk_reduction',
  'rehabilitation',
  'other',
] as const;
/** One measure type. */
export type MeasureType = (typeof measureTypes)[number];

/** Who carries out a measure: a specialist, a member of the family (SPEC §2.8: "including family members"), or another agency. */
export const responsibleKinds = ['specialist', 'family_member', 'agency'] as const;
/** One kind of responsible party. */
export type ResponsibleKind = (typeof responsibleKinds)[number];

/** The responsible party: a family member by person id, a specialist by user id and/or name, an agency by name. */
export type PlanResponsible = { kind: ResponsibleKind; personId: string | null; userId: string | null; name: string };

/** One measure of a goal. `key` stays the same across versions so that versions can be compared. */
export type PlanMeasure = {
  key: string;
  action: string;
  measureType: MeasureType;
  responsible: PlanResponsible | null;
  deadline: string | null;
  expectedResult: string;
  serviceCode: string | null;
};

/** One goal in a well-being domain. `key` stays the same across versions. */
export type PlanGoal = { key: string; domain: string; text: string; measures: PlanMeasure[] };

/** What the specialist writes in a plan version. */
export type PlanContent = {
  childViews: string;
  childViewsNotHeardReason: string;
  familyParticipation: string;
  familyConferenceHeld: boolean;
  familyConferenceDate: string | null;
  goals: PlanGoal[];
};

/** The family's agreement with the plan: date and who signed (Order 1005 form: "З планом ознайомлені та згодні"). */
export type PlanAgreement = { agreedOn: string | null; signedBy: string };

/** What the domain needs to know to check a plan's references. */
export type PlanContext = {
  /** Benchmark domain codes of the configuration (`defaultBenchmarkConfig`). */
  domainCodes: readonly string[];
  /** Persons who are members of the case. */
  memberPersonIds: readonly string[];
  /** Active service codes of the catalogue. */
  serviceCodes: readonly string[];
};

/** Checks that a plan refers only to configured domains, members of the case and catalogue services, and that its keys are unique. */
export function validatePlanContent(content: PlanContent, ctx: PlanContext): void {
  const domains = new Set(ctx.domainCodes);
  const members = new Set(ctx.memberPersonIds);
  const services = new Set(ctx.serviceCodes);
  const goalKeys = new Set<string>();
  const measureKeys = new Set<string>();
  if (!content.familyConferenceHeld && content.familyConferenceDate !== null) throw new DomainError('plan_conference_date_without_meeting', 'A family group conference date needs the conference to be marked as held');
  for (const g of content.goals) {
    if (!domains.has(g.domain)) throw new DomainError('plan_unknown_domain', `Unknown well-being domain ${g.domain}`, { domain: g.domain });
    if (goalKeys.has(g.key)) throw new DomainError('plan_duplicate_key', 'Two goals share a key', { key: g.key });
    goalKeys.add(g.key);
    for (const m of g.measures) {
      if (measureKeys.has(m.key)) throw new DomainError('plan_duplicate_key', 'Two measures share a key', { key: m.key });
      measureKeys.add(m.key);
      if (m.serviceCode !== null && !services.has(m.serviceCode)) throw new DomainError('service_not_in_catalogue', `Unknown service ${m.serviceCode}`, { serviceCode: m.serviceCode });
      const r = m.responsible;
      if (!r) continue;
      if (r.personId !== null && r.kind !== 'family_member') throw new DomainError('plan_responsible_mismatch', 'Only a family member is named by person', { key: m.key });
      if (r.userId !== null && r.kind !== 'specialist') throw new DomainError('plan_responsible_mismatch', 'Only a specialist is named by user', { key: m.key });
      if (r.personId !== null && !members.has(r.personId)) throw new DomainError('person_not_in_case', 'The responsible family member is not a member of this case', { personId: r.personId });
    }
  }
}

/** A part that must be filled before the family can agree the plan. */
export type PlanGap = { path: string; goalKey?: string; measureKey?: string };

function hasResponsible(r: PlanResponsible | null): boolean {
  if (!r) return false;
  if (r.kind === 'family_member') return r.personId !== null;
  if (r.kind === 'specialist') return r.userId !== null || r.name.trim() !== '';
  return r.name.trim() !== '';
}

/**
 * What is missing before agreement (Order 1005 plan form; SPEC §1 child participation, §2.8):
 * at least one goal; each goal with its text and at least one measure; each measure with an action, a responsible
 * party, a deadline and an expected result; the child's views or the reason they could not be heard; the date and
 * signature of the family's agreement, not later than today when `today` is given.
 */
export function findPlanGaps(plan: PlanContent & PlanAgreement, today?: string): PlanGap[] {
  const gaps: PlanGap[] = [];
  if (plan.goals.length === 0) gaps.push({ path: 'goals' });
  for (const g of plan.goals) {
    if (!g.text.trim()) gaps.push({ path: 'goal.text', goalKey: g.key });
    if (g.measures.length === 0) gaps.push({ path: 'goal.measures', goalKey: g.key });
    for (const m of g.measures) {
      const at = { goalKey: g.key, measureKey: m.key };
      if (!m.action.trim()) gaps.push({ path: 'measure.action', ...at });
      if (!hasResponsible(m.responsible)) gaps.push({ path: 'measure.responsible', ...at });
      if (!m.deadline) gaps.push({ path: 'measure.deadline', ...at });
      if (!m.expectedResult.trim()) gaps.push({ path: 'measure.expectedResult', ...at });
    }
  }
  if (!plan.childViews.trim() && !plan.childViewsNotHeardReason.trim()) gaps.push({ path: 'childViews' });
  if (!plan.agreedOn) gaps.push({ path: 'agreement.date' });
  else if (today !== undefined && plan.agreedOn > today) gaps.push({ path: 'agreement.dateInFuture' });
  if (!plan.signedBy.trim()) gaps.push({ path: 'agreement.signedBy' });
  return gaps;
}

/** Whether the family may agree the plan now, with what is missing otherwise. */
export function canAgreePlan(plan: PlanContent & PlanAgreement, today?: string): { ok: boolean; missing: PlanGap[] } {
  const missing = findPlanGaps(plan, today);
  return { ok: missing.length === 0, missing };
}

/** A new draft copied from an earlier version: the same goals and measures (same keys), the family's agreement not carried over. */
export function copyPlanForRevision(content: PlanContent): PlanContent {
  return {
    childViews: content.childViews,
    childViewsNotHeardReason: content.childViewsNotHeardReason,
    familyParticipation: content.familyParticipation,
    // A conference belongs to the planning round it was held for.
    familyConferenceHeld: false,
    familyConferenceDate: null,
    goals: content.goals.map((g) => ({ ...g, measures: g.measures.map((m) => ({ ...m, responsible: m.responsible ? { ...m.responsible } : null })) })),
  };
}

/** A goal without its measures, as shown in a comparison. */
export type GoalSnapshot = { key: string; domain: string; text: string };
/** A measure with the goal it belongs to, as shown in a comparison. */
export type MeasureSnapshot = PlanMeasure & { goalKey: string };
/** One changed item: which fields differ, before and after. */
export type Changed<T> = { key: string; fields: string[]; before: T; after: T };
/** The differences between two plan versions (SPEC §2.8: earlier versions stay readable and comparable). */
export type PlanComparison = {
  fields: string[];
  goals: { added: GoalSnapshot[]; removed: GoalSnapshot[]; changed: Array<Changed<GoalSnapshot>> };
  measures: { added: MeasureSnapshot[]; removed: MeasureSnapshot[]; changed: Array<Changed<MeasureSnapshot>> };
};

const planFields = ['childViews', 'childViewsNotHeardReason', 'familyParticipation', 'familyConferenceHeld', 'familyConferenceDate'] as const;
const goalFields = ['domain', 'text'] as const;
const measureFields = ['goalKey', 'action', 'measureType', 'responsible', 'deadline', 'expectedResult', 'serviceCode'] as const;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function diffByKey<T extends { key: string }>(from: T[], to: T[], fields: readonly (keyof T & string)[]) {
  const before = new Map(from.map((x) => [x.key, x]));
  const after = new Map(to.map((x) => [x.key, x]));
  const changed: Array<Changed<T>> = [];
  for (const [key, b] of before) {
    const a = after.get(key);
    if (!a) continue;
    const differing = fields.filter((f) => !same(b[f], a[f]));
    if (differing.length > 0) changed.push({ key, fields: differing, before: b, after: a });
  }
  return { added: to.filter((x) => !before.has(x.key)), removed: from.filter((x) => !after.has(x.key)), changed };
}

function goalsOf(p: PlanContent): GoalSnapshot[] {
  return p.goals.map((g) => ({ key: g.key, domain: g.domain, text: g.text }));
}

function measuresOf(p: PlanContent): MeasureSnapshot[] {
  return p.goals.flatMap((g) => g.measures.map((m) => ({ ...m, goalKey: g.key })));
}

/** Compares two versions of a plan: goals and measures matched by key (added, removed, changed with the fields that differ), and plan fields that differ. */
export function comparePlanVersions(from: PlanContent, to: PlanContent): PlanComparison {
  return {
    fields: planFields.filter((f) => !same(from[f], to[f])),
    goals: diffByKey(goalsOf(from), goalsOf(to), goalFields),
    measures: diffByKey(measuresOf(from), measuresOf(to), measureFields),
  };
}
