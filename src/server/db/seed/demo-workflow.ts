import { addDays } from '#domain/calendar/iso-date.ts';
import { defaultBenchmarkConfig } from '#domain/cases/benchmarks.ts';
import { adultIndicators, childIndicators, familyIndicators, type IndicatorEntry, type NeedsAssessmentContent } from '#domain/cases/needs-assessment.ts';
import type { CaseStep } from '#domain/cases/workflow.ts';
import { agreementRequest, decisionRequest } from '#contracts/service-decisions.contract.ts';
import { caseNoteCreateRequest } from '#contracts/case-notes.contract.ts';
import { planSaveRequest } from '#contracts/case-plans.contract.ts';
import { closureRequestBody } from '#contracts/closure.contract.ts';
import { homeVisitRequest } from '#contracts/home-visits.contract.ts';
import { notificationRequest } from '#contracts/cases.contract.ts';
import { reviewRequest } from '#contracts/reviews.contract.ts';
import { safetyAssessmentCreateRequest } from '#contracts/safety-assessments.contract.ts';
import { teamMemberRequest } from '#contracts/case-team.contract.ts';
import { planReportRequest } from '#contracts/plan-reports.contract.ts';
import { todayInKyiv, type Deps, type RequestActor } from '../../lib/context.ts';
import { decideApproval } from '../../services/approvals.service.ts';
import { recordFollowUp } from '../../services/follow-ups.service.ts';
import { recordBenchmarks } from '../../services/benchmarks.service.ts';
import { addCaseNote } from '../../services/case-notes.service.ts';
import { agreePlan, createPlanVersion, savePlan } from '../../services/case-plans.service.ts';
import { addTeamMember } from '../../services/case-team.service.ts';
import { transitionCase } from '../../services/cases.service.ts';
import { requestClosure } from '../../services/closure.service.ts';
import { recordHomeVisit } from '../../services/home-visits.service.ts';
import { submitNotification } from '../../services/intake.service.ts';
import { completeNeedsAssessment, getNeedsAssessment, saveNeedsAssessment } from '../../services/needs-assessments.service.ts';
import { submitPlanReport } from '../../services/plan-reports.service.ts';
import { recordReview } from '../../services/reviews.service.ts';
import { completeSafetyAssessment, createSafetyAssessment } from '../../services/safety-assessments.service.ts';
import { recordDecision, signAgreement } from '../../services/service-decisions.service.ts';

/**
 * A clock for building a case's history: `on(n)` moves to n days before the seed's today (10:00 in Kyiv on that day,
 * a minute later for each use so the timeline keeps its order); day 0 is a few minutes before the real now.
 * Every service called with `deps` then dates its records, deadlines and audit rows on that day.
 */
export type SeedClock = { deps: Deps; today: string; on: (daysAgo: number) => string };

export function seedClock(real: Deps): SeedClock {
  const realNow = real.now();
  const today = todayInKyiv(realNow);
  let base = realNow.getTime() - 10 * 60_000;
  let step = 1_000;
  let tick = 0;
  const deps: Deps = { ...real, now: () => new Date(base + tick++ * step) };
  return {
    deps,
    today,
    on: (daysAgo) => {
      const day = addDays(today, -daysAgo);
      base = daysAgo === 0 ? realNow.getTime() - 10 * 60_000 : Date.parse(`${day}T07:00:00.000Z`);
      step = daysAgo === 0 ? 1_000 : 60_000;
      tick = 0;
      return day;
    },
  };
}

export type Person = { surname: string; givenName: string; patronymic: string; birthDate: string; sex: 'female' | 'male' };
export type Member = { role: 'child' | 'adult'; relationship: string; person: Person };

/** Registers a notification with a case of the given type; returns the case and its members' person ids in order. */
export async function openDemoCase(
  c: SeedClock,
  actor: RequestActor,
  input: { hromadaId: string; caseType: 'prevention' | 'reintegration'; source: 'school' | 'health_facility' | 'police' | 'neighbour_or_relative' | 'official_duties' | 'self_referral'; reporter: string; description: string; childFactors: string[]; adultFactors: string[]; members: Member[] },
): Promise<{ caseId: string; personIds: string[] }> {
  const request = notificationRequest.parse({
    hromadaId: input.hromadaId,
    source: input.source,
    reporterOrganisation: input.reporter,
    receivedAt: c.deps.now().toISOString(),
    description: input.description,
    childFactors: input.childFactors,
    adultFactors: input.adultFactors,
    members: input.members.map((m) => ({ role: m.role, relationship: m.relationship, person: { ...m.person, disability: false, latinName: '' } })),
    openCase: true,
    caseType: input.caseType,
  });
  const created = await submitNotification(c.deps, actor, request);
  if (!created.caseId) throw new Error('demo case not opened');
  const rows = await c.deps.db.selectFrom('case_members as m').innerJoin('persons as p', 'p.id', 'm.person_id').select(['p.id', 'p.surname', 'p.given_name']).where('m.case_id', '=', created.caseId).execute();
  const personIds = input.members.map((m) => rows.find((r) => r.surname === m.person.surname && r.given_name === m.person.givenName)?.id ?? '');
  return { caseId: created.caseId, personIds };
}

/** Moves the case one step (forward, or back with a reason). */
export async function moveTo(c: SeedClock, actor: RequestActor, caseId: string, to: CaseStep, reason?: string): Promise<void> {
  const row = await c.deps.db.selectFrom('cases').select('version').where('id', '=', caseId).executeTakeFirstOrThrow();
  await transitionCase(c.deps, actor, caseId, { to, version: row.version, ...(reason ? { reason } : {}) });
}

const rated = <K extends string>(keys: readonly K[], concerns: Partial<Record<K, string>>): Partial<Record<K, IndicatorEntry>> =>
  Object.fromEntries(keys.map((k) => [k, concerns[k] ? { rating: 'some_concern', note: concerns[k] } : { rating: 'no_concern', note: '' }])) as Partial<Record<K, IndicatorEntry>>;

/** Fills and completes the needs-assessment act (the case moves on by itself). */
export async function completeDemoAssessment(
  c: SeedClock,
  actor: RequestActor,
  caseId: string,
  a: { childStrengths: string; childNeeds: string; childViews: string; childConcerns: Partial<Record<(typeof childIndicators)[number], string>>; adultStrengths: string; adultNeeds: string; familyStrengths: string; familyNeeds: string; complexity: 'simple' | 'moderate' | 'complex'; summary: string },
): Promise<void> {
  const draft = await getNeedsAssessment(c.deps, actor, caseId);
  const content: NeedsAssessmentContent = {
    ...draft.content,
    members: draft.content.members.map((m) => ({ ...m, legalCapacity: 'full', registeredAtResidence: true })),
    children: draft.content.children.map((ch) => ({ ...ch, indicators: rated(childIndicators, a.childConcerns), strengths: a.childStrengths, needs: a.childNeeds, childViews: a.childViews })),
    adults: draft.content.adults.map((ad) => ({ ...ad, indicators: rated(adultIndicators, { employment: a.adultNeeds }), strengths: a.adultStrengths, needs: a.adultNeeds })),
    family: { indicators: rated(familyIndicators, { income: a.familyNeeds }), strengths: a.familyStrengths, needs: a.familyNeeds },
    conclusion: { complexity: a.complexity, summary: a.summary, otherSpecialists: [], familyAgreement: 'agrees', familyComment: '', agreementDate: todayInKyiv(c.deps.now()) },
  };
  const saved = await saveNeedsAssessment(c.deps, actor, caseId, { version: draft.version, content });
  await completeNeedsAssessment(c.deps, actor, caseId, { version: saved.version });
}

/** A completed safety-assessment act for the child. */
export async function completeDemoSafetyAct(c: SeedClock, actor: RequestActor, caseId: string, childId: string, act: { level: 'safe' | 'conditionally_safe'; threats: string; caregivers: Array<{ kind: 'parent' | 'relative'; name: string; relation: string }> }): Promise<void> {
  const input = safetyAssessmentCreateRequest.parse({
    childPersonId: childId,
    documentType: 'birth_certificate',
    contacts: 'за місцем проживання сім’ї',
    caregivers: act.caregivers.map((p) => ({ ...p, present: p.kind === 'parent' })),
    level: act.level,
    threats: act.threats,
    participants: ['child_affairs_service', 'social_services'],
  });
  const created = await createSafetyAssessment(c.deps, actor, caseId, input);
  await completeSafetyAssessment(c.deps, actor, caseId, created.id, { version: created.version });
}

/** Every benchmark domain scored `score` (some overridden), with a strengths note each. */
export function demoScores(score: number, overrides: Record<string, number> = {}) {
  return defaultBenchmarkConfig.domains.map((d) => {
    const s = overrides[d.code] ?? score;
    return { domain: d.code, score: s, strengths: s >= 3 ? `${d.nameUk}: стабільно, сім’я справляється` : `${d.nameUk}: сім’я відкрита до підтримки`, needs: s >= 3 ? '' : 'Потрібна підтримка фахівця' };
  });
}

export async function recordBaseline(c: SeedClock, actor: RequestActor, caseId: string, childId: string, scores: ReturnType<typeof demoScores>): Promise<void> {
  await recordBenchmarks(c.deps, actor, caseId, { occasion: 'baseline', childPersonId: childId, scores, recordedOn: todayInKyiv(c.deps.now()) });
}

export type DemoGoal = {
  domain: string;
  text: string;
  measures: Array<{ action: string; measureType: string; responsible: { kind: 'specialist'; userId: string } | { kind: 'family_member'; personId: string } | { kind: 'agency'; name: string }; deadlineIn: number; expectedResult: string; serviceCode?: string }>;
};

/**
 * Writes the first plan version and has the family agree it on the same day; measure deadlines are days from the
 * seed's today (negative: already passed). Returns the plan id and the goal keys.
 */
export async function agreeDemoPlan(c: SeedClock, actor: RequestActor, caseId: string, plan: { childViews: string; familyParticipation: string; goals: DemoGoal[]; signedBy: string }): Promise<{ planId: string; goalKeys: string[] }> {
  const draft = await createPlanVersion(c.deps, actor, caseId);
  const request = planSaveRequest.parse({
    version: draft.version,
    childViews: plan.childViews,
    familyParticipation: plan.familyParticipation,
    goals: plan.goals.map((g) => ({
      domain: g.domain,
      text: g.text,
      measures: g.measures.map((m) => ({ action: m.action, measureType: m.measureType, responsible: m.responsible, deadline: addDays(c.today, m.deadlineIn), expectedResult: m.expectedResult, serviceCode: m.serviceCode ?? null })),
    })),
  });
  const saved = await savePlan(c.deps, actor, caseId, draft.id, request);
  const agreed = await agreePlan(c.deps, actor, caseId, draft.id, { version: saved.version, agreedOn: todayInKyiv(c.deps.now()), signedBy: plan.signedBy });
  return { planId: agreed.id, goalKeys: agreed.goals.map((g) => g.key) };
}

/** The decision to provide the plan's services and the agreement with the Centre (Law "On Social Services" art. 21–22). */
export async function decideAndSign(c: SeedClock, actor: RequestActor, caseId: string, planId: string, a: { serviceCodes: string[]; providerId: string; signedBy: string }): Promise<void> {
  await recordDecision(c.deps, actor, caseId, decisionRequest.parse({ decision: 'provide', legalGrounds: 'Закон України «Про соціальні послуги», ст. 21; акт оцінки потреб сім’ї', serviceCodes: a.serviceCodes }));
  await signAgreement(c.deps, actor, caseId, agreementRequest.parse({ planId, providerOrganisationId: a.providerId, signedOn: todayInKyiv(c.deps.now()), signedByRecipient: a.signedBy, validUntil: addDays(c.today, 180) }));
}

export async function demoNote(c: SeedClock, actor: RequestActor, caseId: string, kind: 'note' | 'phone_call' | 'office_meeting', text: string): Promise<void> {
  await addCaseNote(c.deps, actor, caseId, caseNoteCreateRequest.parse({ kind, noteDate: todayInKyiv(c.deps.now()), text }));
}

export async function demoVisit(c: SeedClock, actor: RequestActor, caseId: string, v: { personsMetIds: string[]; observations: string; address: string }): Promise<void> {
  await recordHomeVisit(c.deps, actor, caseId, homeVisitRequest.parse({ doneDate: todayInKyiv(c.deps.now()), place: 'home', address: v.address, personsMetIds: v.personsMetIds, childSeenAlone: 'yes', observations: v.observations }));
}

export async function demoTeamMember(c: SeedClock, actor: RequestActor, caseId: string, m: { userId?: string; externalName?: string; externalOrganisation?: string; teamRole: string }): Promise<void> {
  await addTeamMember(c.deps, actor, caseId, teamMemberRequest.parse({ userId: m.userId ?? null, externalName: m.externalName ?? '', externalOrganisation: m.externalOrganisation ?? '', teamRole: m.teamRole }));
}

/** The quarterly report on the agreed plan (Resolution 585) for the quarter before today's, every measure under way. */
export async function demoPlanReport(c: SeedClock, actor: RequestActor, caseId: string, planId: string): Promise<void> {
  const [y = 0, m = 1] = todayInKyiv(c.deps.now()).split('-').map(Number);
  const q = Math.ceil(m / 3) - 1;
  const period = q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}`;
  const measures = await c.deps.db.selectFrom('plan_measures as m').innerJoin('plan_goals as g', 'g.id', 'm.goal_id').select('m.key').where('g.plan_id', '=', planId).execute();
  await submitPlanReport(
    c.deps,
    actor,
    caseId,
    planReportRequest.parse({ period, measures: measures.map((x, i) => ({ measureKey: x.key, status: i === 0 ? 'done' : 'in_progress' })), overallStatus: 'on_track', overallComment: 'План виконується відповідно до строків.' }),
  );
}

/** A periodic review judging every goal and re-scoring the benchmarks. */
export async function demoReview(c: SeedClock, actor: RequestActor, caseId: string, r: { childId: string; goalKeys: string[]; childViews: string; scores: ReturnType<typeof demoScores>; decision: 'continue' | 'prepare_closure'; notes: string; participants: string[] }): Promise<void> {
  await recordReview(
    c.deps,
    actor,
    caseId,
    reviewRequest.parse({
      kind: 'periodic_review',
      heldOn: todayInKyiv(c.deps.now()),
      participants: r.participants.map((name) => ({ name })),
      childPresent: true,
      familyPresent: true,
      childViews: r.childViews,
      goalResults: r.goalKeys.map((goalKey) => ({ goalKey, achievement: 'fully' })),
      benchmarks: [{ childPersonId: r.childId, scores: r.scores }],
      decision: r.decision,
      decisionNotes: r.notes,
    }),
  );
}

/** Proposes closure with every criterion met; returns the approval waiting for the supervisor. */
export async function demoClosureRequest(c: SeedClock, actor: RequestActor, caseId: string, r: { childId: string; goalKeys: string[]; childViews: string; familyViews: string; serviceCode: string; services: string; recommendations: string }): Promise<{ approvalId: string }> {
  const view = await requestClosure(
    c.deps,
    actor,
    caseId,
    closureRequestBody.parse({
      criteria: {
        goalsMet: { met: true, note: 'Усі цілі плану соціального супроводу досягнуто' },
        benchmarksAtThreshold: { met: true, note: 'Усі сфери на рівні «Достатньо» або вище' },
        safeStableCare: { met: true, note: 'Дитина живе вдома, у безпечних умовах' },
        supportInPlace: { met: true, note: 'Родичі та школа підтримують сім’ю' },
      },
      childViews: r.childViews,
      familyViews: r.familyViews,
      goalResults: r.goalKeys.map((goalKey) => ({ goalKey, achievement: 'fully' })),
      benchmarks: [{ childPersonId: r.childId, scores: demoScores(3, { caregiver_social_support: 4 }) }],
      report: {
        servicesProvided: [{ serviceCode: r.serviceCode, description: r.services }],
        statusByCriterion: [
          { criterion: 'child_needs', atStart: 'Пропуски занять, тривожність', atEnd: 'Відвідує школу, емоційний стан стабільний' },
          { criterion: 'parents_caregivers', atStart: 'Батьки без роботи, виснаження', atEnd: 'Працевлаштовані, справляються з доглядом' },
          { criterion: 'family_environment', atStart: 'Борги за комунальні послуги', atEnd: 'Борги погашено, отримують допомогу' },
        ],
        recommendations: r.recommendations,
      },
    }),
  );
  if (!view.approvalId) throw new Error('no approval for the demo closure');
  return { approvalId: view.approvalId };
}

/** The supervisor approves a pending approval (the case closes; the follow-up visit is scheduled). */
export async function approve(c: SeedClock, supervisor: RequestActor, approvalId: string, comment: string): Promise<void> {
  const row = await c.deps.db.selectFrom('approvals').select('version').where('id', '=', approvalId).executeTakeFirstOrThrow();
  await decideApproval(c.deps, supervisor, approvalId, { decision: 'approve', comment, version: row.version });
}

/**
 * Follow-up visits of a closed case already due by today are recorded as done (the case was picked for a random visit
 * by its id, decision 009, so whether one exists varies between seeds; a past one should not show as overdue).
 */
export async function recordDueFollowUps(c: SeedClock, actor: RequestActor, caseId: string): Promise<void> {
  const due = await c.deps.db.selectFrom('follow_up_visits').select(['id', 'version', 'due_date']).where('case_id', '=', caseId).where('status', '=', 'planned').where('due_date', '<', c.today).execute();
  for (const v of due) {
    const daysAgo = Math.max(1, Math.round((Date.parse(c.today) - Date.parse(v.due_date)) / 86_400_000));
    c.on(daysAgo);
    await recordFollowUp(c.deps, actor, caseId, v.id, { version: v.version, doneOn: v.due_date, outcome: 'family_care_stable', notes: 'Візит без попередження: дитина вдома, сім’я справляється.' });
  }
}
