import { aNotification } from './factories.ts';
import { demoUsers, type DemoUser, type MatrixWorld } from './matrix-world.ts';

/**
 * The declared access policy of every route (SPEC §11, need-to-know), checked by
 * `src/server/http/permission-matrix.test.ts` against the routes the app really registers: a route without an entry
 * here fails the build, and so does an entry without a route.
 *
 * Outcomes: `allowed` — past the access check (2xx, or a 4xx of validation or of a domain rule: 400/409/422, never
 * 401/403/404); `forbidden` — 403 (visible but not allowed); `hidden` — 404, exactly like a missing id.
 * Unauthenticated calls answer 401 on every route that is not `public`.
 */
export type Outcome = 'allowed' | 'forbidden' | 'hidden';

/** Which record a route is called on: the Bucha case (cm.bucha's), the Stryi case (cm.stryi's), or no case. */
export type Variant = 'bucha' | 'stryi' | 'none';

/** How the access check of a route is exercised. */
export type Coverage =
  /** every demo user is checked against `expect` */
  | 'full'
  /** only 401 for anonymous callers (and the CSRF guard for writes); the reason is in `note` */
  | 'auth-only';

/** The declared policy of one route. */
export type RoutePolicy = {
  /** The rule in words (what SPEC §11 asks of this route). */
  rule: string;
  /** The outcome for a demo user on one variant. */
  expect: (user: DemoUser, variant: Variant) => Outcome;
  variants: readonly Variant[];
  coverage: Coverage;
  /** Query string (without `?`) to call the route with. */
  query?: (w: MatrixWorld, v: Variant) => string;
  /**
   * Request body: omitted → a schema-valid body generated from the route's zod schema (the same for every user), or
   * none when the route has no body schema; a function → merged over the generated body.
   */
  body?: (w: MatrixWorld, v: Variant) => Record<string, unknown>;
  /** Ids for path parameters other than a case's `:id` (default: the world's record of that kind, see `paramIds`). */
  params?: (w: MatrixWorld, v: Variant) => Record<string, string>;
  /** Calls with a fresh session per user (the route ends the session). */
  freshSession?: boolean;
  note?: string;
};

/** A random id that names nothing. */
export const missingId = '00000000-0000-4000-8000-000000000000';

const css = ['cm.bucha', 'cm2.bucha', 'sv.bucha', 'cm.dmytrivka', 'cm.stryi', 'cm.obroshyne'] as const satisfies readonly DemoUser[];
const cas = ['cas.bucha', 'cas.dmytrivka', 'cas.stryi'] as const satisfies readonly DemoUser[];
const intakeServices: readonly DemoUser[] = [...css, ...cas];
const buchaIntake: readonly DemoUser[] = ['cm.bucha', 'cm2.bucha', 'sv.bucha', 'cas.bucha'];

const all = (): Outcome => 'allowed';
function only(users: readonly DemoUser[], otherwise: Outcome = 'forbidden'): (u: DemoUser) => Outcome {
  return (u) => (users.includes(u) ? 'allowed' : otherwise);
}
function allBut(users: readonly DemoUser[], outcome: Outcome = 'forbidden'): (u: DemoUser) => Outcome {
  return (u) => (users.includes(u) ? outcome : 'allowed');
}

/** Who relates to each case: its case manager, the manager's supervisor, the Child Affairs Service of the hromada. */
const caseManager: Record<Exclude<Variant, 'none'>, DemoUser> = { bucha: 'cm.bucha', stryi: 'cm.stryi' };
const supervisor: Record<Exclude<Variant, 'none'>, DemoUser | null> = { bucha: 'sv.bucha', stryi: null };
const childAffairs: Record<Exclude<Variant, 'none'>, DemoUser> = { bucha: 'cas.bucha', stryi: 'cas.stryi' };

/** Reading a case or one of its parts: the case manager, their supervisor, the hromada's Child Affairs Service; the rest 404. */
function caseView(u: DemoUser, v: Variant): Outcome {
  if (v === 'none') return 'hidden';
  return u === caseManager[v] || u === supervisor[v] || u === childAffairs[v] ? 'allowed' : 'hidden';
}
/** Changing a case: the case manager and their supervisor; Child Affairs sees it (403); the rest 404. */
function caseManage(u: DemoUser, v: Variant): Outcome {
  if (v === 'none') return 'hidden';
  if (u === caseManager[v] || u === supervisor[v]) return 'allowed';
  return u === childAffairs[v] ? 'forbidden' : 'hidden';
}

/** Writes on the Bucha caregiver: `writers` may; the others who see the caregiver get 403; everyone else 404. */
function caregiverWrite(writers: readonly DemoUser[]): (u: DemoUser) => Outcome {
  return (u) => (writers.includes(u) ? 'allowed' : [...buchaIntake, 'planner.bucha'].includes(u) ? 'forbidden' : 'hidden');
}

const both: readonly Variant[] = ['bucha', 'stryi'];
const none: readonly Variant[] = ['none'];
const caseRead = (extra: Partial<RoutePolicy> = {}): RoutePolicy => ({ rule: 'case scope: read', expect: caseView, variants: both, coverage: 'full', ...extra });
const caseWrite = (extra: Partial<RoutePolicy> = {}): RoutePolicy => ({ rule: 'case scope: case manager or supervisor', expect: caseManage, variants: both, coverage: 'full', ...extra });
/** A part of the Bucha case addressed by its own id: the Stryi variant passes the Bucha part's id under the Stryi case, which must look absent even to the Stryi case manager. */
const casePart = (write: boolean, extra: Partial<RoutePolicy> = {}): RoutePolicy => ({
  rule: `case scope (${write ? 'write' : 'read'}) on a part of the case; a part of another case is absent`,
  expect: (u, v) => (v === 'stryi' ? (u === 'cas.stryi' && write ? 'forbidden' : 'hidden') : write ? caseManage(u, v) : caseView(u, v)),
  variants: both,
  coverage: 'full',
  ...extra,
});
const simple = (rule: string, expect: (u: DemoUser) => Outcome, extra: Partial<RoutePolicy> = {}): RoutePolicy => ({ rule, expect, variants: none, coverage: 'full', ...extra });
const authOnly = (rule: string, note: string, extra: Partial<RoutePolicy> = {}): RoutePolicy => ({ rule, expect: all, variants: none, coverage: 'auth-only', note, ...extra });

/** Default ids of path parameters, by parameter name (a case's `:id` is the variant's case). */
export function paramIds(w: MatrixWorld): Record<string, string> {
  return {
    assessmentId: w.ids.safetyAssessment as string,
    relativeId: w.ids.relative as string,
    faId: w.ids.familyAssessment as string,
    episodeId: w.ids.careEpisode as string,
    planId: w.ids.plan as string,
    noteId: w.ids.note as string,
    visitId: w.ids.homeVisit as string,
    memberId: w.ids.teamMember as string,
    personId: w.buchaChildId,
    code: w.ids.serviceCode as string,
  };
}

const caseOf = (w: MatrixWorld, v: Variant) => (v === 'stryi' ? w.stryiCaseId : w.buchaCaseId);
const hromadaOf = (w: MatrixWorld, v: Variant) => (v === 'stryi' ? w.world.stryi : w.world.bucha);

/** Every route of the API, `METHOD url` as Fastify registers it. */
export const routePolicies: Record<string, RoutePolicy> = {
  // Infrastructure and documentation
  'GET /api/health': { ...simple('public: liveness', all), rule: 'public' },
  'GET /api/openapi.json': simple('public: API description', all),
  'GET /api/docs': simple('public: Swagger UI', all),
  'GET /api/docs/static/index.html': simple('public: Swagger UI', all),
  'GET /api/docs/static/swagger-initializer.js': simple('public: Swagger UI', all),
  'GET /api/docs/json': simple('public: Swagger UI', all),
  'GET /api/docs/yaml': simple('public: Swagger UI', all),
  'GET /api/docs/static/*': simple('public: Swagger UI assets', all, { params: () => ({ '*': 'index.css' }) }),
  'GET /api/v1/system/status': simple('public: demo mode, whether users exist', all),

  // Session
  'POST /api/v1/auth/login': simple('public: sign in', all, { body: () => ({ username: 'auditor', password: 'Rodyna-Demo-2026' }) }),
  'POST /api/v1/auth/logout': simple('any signed-in user (own session)', all, { freshSession: true }),
  'GET /api/v1/auth/me': simple('any signed-in user', all),
  'PUT /api/v1/auth/me/locale': simple('any signed-in user', all, { body: () => ({ locale: 'uk' }) }),

  // Territories, persons, intake
  'GET /api/v1/territories': simple('any signed-in user (the tree is not personal data)', all),
  'GET /api/v1/assignees': simple('who registers cases in the hromada (its CSS and CAS)', only(buchaIntake), { query: (w) => `hromadaId=${w.world.bucha}` }),
  'GET /api/v1/persons/matches': simple('who registers cases in the hromada', only(buchaIntake), { query: (w) => `hromadaId=${w.world.bucha}&surname=${encodeURIComponent('Тестенко')}` }),
  'POST /api/v1/notifications': simple('roles that notify (reporters, CSS, CAS, …)', allBut(['provider.bucha', 'panel.member', 'panel.secretary', 'planner.bucha', 'coord.kyiv', 'analyst.national', 'admin', 'auditor']), {
    body: (w) => ({ ...aNotification(w.world.bucha), openCase: false }),
  }),
  'GET /api/v1/notifications': simple('any signed-in user: own submissions only', all),
  'GET /api/v1/notifications/inbox': simple('CSS and CAS (their hromadas)', only(intakeServices)),
  'GET /api/v1/notifications/inbox/count': simple('CSS and CAS (their hromadas)', only(intakeServices)),
  'GET /api/v1/notifications/inbox/:id': simple('CSS and CAS of the notification’s hromada; other CSS/CAS 404', (u) => (buchaIntake.includes(u) ? 'allowed' : intakeServices.includes(u) ? 'hidden' : 'forbidden'), {
    params: (w) => ({ id: w.ids.notification as string }),
  }),
  'POST /api/v1/notifications/:id/registration': simple('CSS and CAS of the hromada', (u) => (buchaIntake.includes(u) ? 'allowed' : intakeServices.includes(u) ? 'hidden' : 'forbidden'), {
    params: (w) => ({ id: w.ids.notification as string }),
    body: () => ({ caseType: 'prevention', version: 999 }),
  }),
  'POST /api/v1/notifications/:id/decline': simple('CSS and CAS of the hromada', (u) => (buchaIntake.includes(u) ? 'allowed' : intakeServices.includes(u) ? 'hidden' : 'forbidden'), {
    params: (w) => ({ id: w.ids.notification as string }),
    body: () => ({ version: 999 }),
  }),

  // Cases
  'GET /api/v1/cases': simple('any signed-in user; the list is filtered by the case scope in SQL', all),
  'GET /api/v1/cases/:id': caseRead(),
  'POST /api/v1/cases/:id/transitions': caseWrite(),
  // Break the glass (SPEC §11): staff who work with children's cases may; the rest 403 whatever the case. Called on a
  // missing case so that no grant outlives this call and changes the other routes' answers (grants: emergency-access.routes.test.ts).
  'POST /api/v1/cases/:id/emergency-access': simple('break the glass: CSS case managers, supervisors, CAS specialists; a missing case 404', (u) => (intakeServices.includes(u) ? 'hidden' : 'forbidden'), {
    params: () => ({ id: missingId }),
    body: () => ({ reason: 'Дитина в небезпеці, потрібні контакти родини' }),
  }),
  'GET /api/v1/cases/:id/needs-assessment': caseRead(),
  'PUT /api/v1/cases/:id/needs-assessment': caseWrite(),
  'POST /api/v1/cases/:id/needs-assessment/completion': caseWrite(),
  'GET /api/v1/cases/:id/safety-assessments': caseRead(),
  'POST /api/v1/cases/:id/safety-assessments': caseWrite(),
  'PUT /api/v1/cases/:id/safety-assessments/:assessmentId': casePart(true),
  'POST /api/v1/cases/:id/safety-assessments/:assessmentId/completion': casePart(true),
  'POST /api/v1/cases/:id/safety-assessments/:assessmentId/actions': casePart(true),
  'GET /api/v1/cases/:id/tracing-attempts': caseRead(),
  'POST /api/v1/cases/:id/tracing-attempts': caseWrite(),
  'GET /api/v1/cases/:id/relatives': caseRead(),
  'POST /api/v1/cases/:id/relatives': caseWrite(),
  'PUT /api/v1/cases/:id/relatives/:relativeId': casePart(true),
  'GET /api/v1/cases/:id/family-assessments': caseRead(),
  'POST /api/v1/cases/:id/family-assessments': caseWrite(),
  'PUT /api/v1/cases/:id/family-assessments/:faId': casePart(true),
  'POST /api/v1/cases/:id/family-assessments/:faId/completion': casePart(true),
  'GET /api/v1/persons/:personId/care-episodes': {
    ...caseRead({ query: (w, v) => `caseId=${caseOf(w, v)}` }),
    rule: 'case scope: read, through the case named in the query (the Bucha child under the Stryi case is absent)',
    expect: (u, v) => (v === 'stryi' ? 'hidden' : caseView(u, v)),
  },
  'POST /api/v1/cases/:id/care-episodes': caseWrite({ body: (w) => ({ personId: w.buchaChildId }) }),
  'POST /api/v1/cases/:id/care-episodes/:episodeId/end': casePart(true),
  'GET /api/v1/cases/:id/documents/notification.pdf': caseRead(),
  'GET /api/v1/cases/:id/documents/needs-assessment.pdf': caseRead(),
  'GET /api/v1/cases/:id/documents/safety-assessment.pdf': casePart(false, { query: (w) => `assessmentId=${w.ids.safetyAssessment}` }),
  'GET /api/v1/cases/:id/documents/support-plan.pdf': casePart(false, { query: (w) => `planId=${w.ids.plan}` }),
  'GET /api/v1/cases/:id/documents/results-report.pdf': authOnly('case scope: read', 'needs a closure request with its results report; without one every user gets 404'),

  // Services, plans, decisions
  'GET /api/v1/service-catalogue': simple('any signed-in user', all),
  'PUT /api/v1/service-catalogue/:code': simple('system administrator', only(['admin'])),
  'GET /api/v1/cases/:id/plans': caseRead(),
  'POST /api/v1/cases/:id/plans': caseWrite(),
  'GET /api/v1/cases/:id/plans/compare': caseRead({ query: () => 'from=1&to=1' }),
  'GET /api/v1/cases/:id/plans/:planId': casePart(false),
  'PUT /api/v1/cases/:id/plans/:planId': casePart(true),
  'POST /api/v1/cases/:id/plans/:planId/agreement': casePart(true),
  'GET /api/v1/cases/:id/decisions': caseRead(),
  'POST /api/v1/cases/:id/decisions': caseWrite(),
  'GET /api/v1/cases/:id/agreements': caseRead(),
  'POST /api/v1/cases/:id/agreements': caseWrite(),
  'POST /api/v1/emergency-contacts': simple('who registers cases in the hromada', only(buchaIntake), { body: (w) => ({ hromadaId: w.world.bucha }) }),
  'GET /api/v1/emergency-contacts': simple('any signed-in user; filtered to the hromadas where the user registers cases', all),
  'GET /api/v1/emergency-contacts/:id': simple('who registers cases in the contact’s hromada; others 404', only(buchaIntake, 'hidden'), { params: (w) => ({ id: w.ids.emergencyContact as string }) }),
  'POST /api/v1/emergency-contacts/:id/conversion': simple('who registers cases in the contact’s hromada; others 404', only(buchaIntake, 'hidden'), {
    params: (w) => ({ id: w.ids.emergencyContact as string }),
    body: () => ({ version: 999 }),
  }),
  'GET /api/v1/benchmark-config': simple('any signed-in user', all),
  'GET /api/v1/cases/:id/benchmarks': caseRead(),
  'POST /api/v1/cases/:id/benchmarks': caseWrite(),
  'GET /api/v1/cases/:id/reviews': caseRead(),
  'POST /api/v1/cases/:id/reviews': caseWrite(),
  'GET /api/v1/cases/:id/closure-requests': caseRead(),
  'POST /api/v1/cases/:id/closure-requests': caseWrite(),
  'POST /api/v1/cases/:id/reopening': caseWrite({ rule: 'case scope: case manager or supervisor (case.reopen; the open case refuses with 422)' }),
  'GET /api/v1/cases/:id/follow-ups': caseRead(),
  'POST /api/v1/cases/:id/follow-ups': caseWrite({ rule: 'case scope: case manager or supervisor (case.follow_up; the open case refuses with 422)' }),
  'PUT /api/v1/cases/:id/follow-ups/:visitId': authOnly('case scope: case manager or supervisor', 'follow-up visits exist only on closed cases; the matrix world has none'),
  'GET /api/v1/approvals': simple('any signed-in user; filtered to the supervisor’s queue or own requests', all),
  'POST /api/v1/approvals': caseWrite({ body: (w, v) => ({ caseId: caseOf(w, v), subjectId: w.ids.plan as string }), variants: ['none'], rule: 'case scope of the plan’s case', expect: (u) => caseManage(u, 'bucha'), note: 'called on the Bucha plan; the draft plan refuses with 422' }),
  'POST /api/v1/approvals/:id/decision': simple('the supervisor of the case manager (or another supervisor of the Centre); others who see the case 403, the rest 404', (u) => (u === 'sv.bucha' ? 'allowed' : u === 'cm.bucha' || u === 'cas.bucha' ? 'forbidden' : 'hidden'), {
    params: (w) => ({ id: w.ids.approval as string }),
    body: () => ({ decision: 'return', comment: 'Уточніть цілі', version: 999 }),
  }),
  'GET /api/v1/supervision/team': simple('supervisors', only(['sv.bucha'])),
  'GET /api/v1/deadline-rules': simple('system administrator', only(['admin'])),
  'PUT /api/v1/deadline-rules/:id': simple('system administrator', only(['admin']), { params: (w) => ({ id: w.ids.deadlineRule as string }) }),

  // Implementation
  'GET /api/v1/cases/:id/team': caseRead(),
  'POST /api/v1/cases/:id/team': caseWrite({ body: () => ({ externalName: 'Петренко Іван', teamRole: 'teacher' }) }),
  'POST /api/v1/cases/:id/team/:memberId/end': casePart(true),
  'GET /api/v1/cases/:id/notes': caseRead(),
  'POST /api/v1/cases/:id/notes': caseWrite(),
  'PUT /api/v1/cases/:id/notes/:noteId': casePart(true, { rule: 'case scope: the author corrects within 24 h (others in scope get 403)', expect: (u, v) => (v === 'bucha' && (u === 'sv.bucha' || u === 'cas.bucha') ? 'forbidden' : casePart(true).expect(u, v)) }),
  'GET /api/v1/cases/:id/home-visits': caseRead(),
  'POST /api/v1/cases/:id/home-visits': caseWrite(),
  'PUT /api/v1/cases/:id/home-visits/:visitId': casePart(true, { rule: 'case scope: whoever recorded the visit corrects it', expect: (u, v) => (v === 'bucha' && (u === 'sv.bucha' || u === 'cas.bucha') ? 'forbidden' : casePart(true).expect(u, v)) }),
  'GET /api/v1/cases/:id/delivered-services': caseRead(),
  'POST /api/v1/cases/:id/delivered-services': caseWrite(),
  'GET /api/v1/cases/:id/plan-reports': caseRead(),
  'POST /api/v1/cases/:id/plan-reports': caseWrite(),
  'GET /api/v1/cases/:id/preparation-activities': caseRead(),
  'POST /api/v1/cases/:id/preparation-activities': caseWrite(),

  // Providers and referrals
  'GET /api/v1/providers': simple('everyone who works with services (not reporters)', allBut(['reporter.school'])),
  'GET /api/v1/providers/:id': simple('everyone who works with services (not reporters)', allBut(['reporter.school']), { params: (w) => ({ id: w.ids.buchaProvider as string }) }),
  'POST /api/v1/providers': simple('system administrator, or the planner of the hromada', only(['admin', 'planner.bucha']), { body: (w) => ({ hromadaId: w.world.bucha }) }),
  'PUT /api/v1/providers/:id': simple('system administrator, or the planner of the hromada', only(['admin', 'planner.bucha']), {
    params: (w) => ({ id: w.ids.buchaProvider as string }),
    body: (w) => ({ hromadaId: w.world.bucha }),
  }),
  'GET /api/v1/cases/:id/referrals': caseRead(),
  'POST /api/v1/cases/:id/referrals': caseWrite(),
  'GET /api/v1/referrals': simple('any signed-in user; the boxes are filtered to the user’s side', all, { query: () => 'box=outgoing' }),
  'GET /api/v1/referrals/:id': simple('the referring case’s scope, and the addressed provider once sent; others 404', only([...buchaIntake.filter((u) => u !== 'cm2.bucha'), 'provider.bucha'], 'hidden'), {
    params: (w) => ({ id: w.ids.sentReferral as string }),
  }),
  'PUT /api/v1/referrals/:id': simple('the referring team edits a draft; Child Affairs sees it (403); others 404 (the provider does not see a draft)', (u) => (u === 'cm.bucha' || u === 'sv.bucha' ? 'allowed' : u === 'cas.bucha' ? 'forbidden' : 'hidden'), {
    params: (w) => ({ id: w.ids.draftReferral as string }),
    body: (w) => ({ providerId: w.ids.providerOrganisation as string, version: 999 }),
  }),
  'POST /api/v1/referrals/:id/transitions': simple('by transition: `accept` is the addressed provider’s; the case’s side sees the referral (403); others 404', (u) => (u === 'provider.bucha' ? 'allowed' : ['cm.bucha', 'sv.bucha', 'cas.bucha'].includes(u) ? 'forbidden' : 'hidden'), {
    params: (w) => ({ id: w.ids.sentReferral as string }),
    body: () => ({ action: 'accept', version: 999 }),
  }),
  'GET /api/v1/unmet-need': simple('planners, coordinators, analysts, supervisors (aggregates, no names)', only(['sv.bucha', 'planner.bucha', 'coord.kyiv', 'analyst.national'])),

  // Institutions
  'GET /api/v1/institutions': simple('everyone but providers and reporters', allBut(['provider.bucha', 'reporter.school'])),
  'GET /api/v1/institutions/:id': simple('everyone but providers and reporters', allBut(['provider.bucha', 'reporter.school']), { params: (w) => ({ id: w.ids.institution as string }) }),
  'POST /api/v1/institutions': simple('system administrator or the oblast coordinator', only(['admin', 'coord.kyiv']), { body: (w) => ({ oblastId: w.ids.kyivOblast as string, hromadaId: null }) }),
  'PUT /api/v1/institutions/:id': simple('system administrator or the oblast coordinator', only(['admin', 'coord.kyiv']), {
    params: (w) => ({ id: w.ids.institution as string }),
    body: (w) => ({ oblastId: w.ids.kyivOblast as string, hromadaId: null }),
  }),
  'POST /api/v1/institutions/:id/counts': simple('system administrator or the oblast coordinator', only(['admin', 'coord.kyiv']), { params: (w) => ({ id: w.ids.institution as string }) }),
  'PUT /api/v1/institutions/:id/plan': simple('system administrator or the oblast coordinator', only(['admin', 'coord.kyiv']), { params: (w) => ({ id: w.ids.institution as string }) }),
  'POST /api/v1/institutions/:id/admissions': simple('system administrator or the oblast coordinator', only(['admin', 'coord.kyiv']), { params: (w) => ({ id: w.ids.institution as string }) }),
  'GET /api/v1/institutions/:id/children': simple('everyone but providers and reporters; children listed only within case scope', allBut(['provider.bucha', 'reporter.school']), { params: (w) => ({ id: w.ids.institution as string }) }),
  'GET /api/v1/institution-admissions/monthly': simple('everyone but providers and reporters (aggregates)', allBut(['provider.bucha', 'reporter.school'])),
  'PUT /api/v1/care-episodes/:id/institution': casePart(true, { params: (w) => ({ id: w.ids.careEpisode as string }), body: (w, v) => ({ caseId: caseOf(w, v), institutionId: w.ids.institution as string }), rule: 'case scope of the episode’s case: case manager or supervisor' }),

  // Alternative care
  'GET /api/v1/caregivers': simple('CSS, CAS and the hromada’s planner', only([...intakeServices, 'planner.bucha'])),
  'POST /api/v1/caregivers': simple('Child Affairs Service of the hromada', only(['cas.bucha']), { body: (w) => ({ hromadaId: w.world.bucha }) }),
  'GET /api/v1/caregivers/:id': simple('CSS, CAS and the planner of the caregiver’s hromada', only([...buchaIntake, 'planner.bucha'], 'hidden'), { params: (w) => ({ id: w.ids.buchaCaregiver as string }) }),
  'PUT /api/v1/caregivers/:id': simple('Child Affairs Service of the hromada; who sees the caregiver gets 403, the rest 404', caregiverWrite(['cas.bucha']), { params: (w) => ({ id: w.ids.buchaCaregiver as string }) }),
  'POST /api/v1/caregivers/:id/stage-moves': simple('Child Affairs Service of the hromada; who sees the caregiver gets 403, the rest 404', caregiverWrite(['cas.bucha']), { params: (w) => ({ id: w.ids.buchaCaregiver as string }) }),
  'POST /api/v1/caregivers/:id/support-events': simple('CSS and CAS of the hromada; the planner sees (403), the rest 404', caregiverWrite(buchaIntake), { params: (w) => ({ id: w.ids.buchaCaregiver as string }) }),
  'GET /api/v1/cases/:id/matching': caseRead({ query: (w) => `childId=${w.buchaChildId}` }),
  'POST /api/v1/cases/:id/matching/placement': caseWrite({ body: (w) => ({ childId: w.buchaChildId, caregiverId: w.ids.buchaCaregiver as string }) }),
};

export { demoUsers, hromadaOf };
