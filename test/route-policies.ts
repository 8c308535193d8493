import { aNotification } from './factories.ts';
import { demoUsers } from './matrix-world.ts';
import { policyParts } from './policies/index.ts';
import {
  all, allBut, authOnly, buchaIntake, caregiverWrite, caseManage, caseView, caseOf, casePart, caseRead, caseWrite, hromadaOf, intakeServices, missingId, only, paramIds, simple,
  type Outcome, type RoutePolicy, type Variant,
} from './route-policy-kit.ts';

/**
 * The declared access policy of every route (SPEC §11, need-to-know), checked by
 * `src/server/http/permission-matrix.test.ts` against the routes the app really registers: a route without an entry
 * here (or in an area's part under `test/policies/`) fails the build, and so does an entry without a route.
 * The kit (outcomes, user groups, `caseRead`/`caseWrite`/`simple`…) is in `route-policy-kit.ts`.
 */
/** Every route of the API, `METHOD url` as Fastify registers it. */
const corePolicies: Record<string, RoutePolicy> = {
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
  // A sign-in ends the session the browser carried in, so each user calls it on a session of its own.
  'POST /api/v1/auth/login': simple('public: sign in', all, { body: () => ({ username: 'auditor', password: 'Rodyna-Demo-2026' }), freshSession: true }),
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

/** Every route of the API, `METHOD url` as Fastify registers it: the core routes above and each area's part. */
export const routePolicies: Record<string, RoutePolicy> = Object.assign({}, corePolicies, ...policyParts.map((p) => p.policies));

export { demoUsers, hromadaOf, missingId, paramIds };
export type { Outcome, RoutePolicy, Variant };
