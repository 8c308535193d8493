import { seedDemoWorkforce } from '#server/db/seed/demo-workforce.ts';
import type { DemoUser } from '../matrix-world.ts';
import { all, caseRead, only, simple, both, type Outcome, type PolicyPart, type Variant } from '../route-policy-kit.ts';

/**
 * Workforce (SPEC §7, §8, §11). The Bucha Centre's staff register is kept by its supervisor (sv.bucha) and the
 * administrator (and by the head of service, who has no demo account). Reassigning a case is for a supervisor of the
 * case's Centre; the case manager and Child Affairs see the case but may not (403). A supervision card is seen by its
 * supervisor and supervisee only (and the head once submitted): everyone else, admin and auditor included, gets 404.
 * Workforce need is aggregate: the hromada's planner, the oblast coordinator, analysts and the administrator.
 */
const staffKeepers: readonly DemoUser[] = ['sv.bucha', 'admin'];
const settingsReaders: readonly DemoUser[] = ['sv.bucha', 'planner.bucha', 'coord.kyiv', 'analyst.national', 'admin'];
const needReaders: readonly DemoUser[] = ['planner.bucha', 'coord.kyiv', 'analyst.national', 'admin'];
const checkers: readonly DemoUser[] = ['cm.bucha', 'cm2.bucha', 'sv.bucha', 'cas.bucha', 'cm.dmytrivka', 'cas.dmytrivka', 'cm.stryi', 'cas.stryi', 'cm.obroshyne', 'provider.bucha'];

/** Reassignment: the supervisor of the case's Centre; those who see the case otherwise 403; the rest 404. */
function reassign(u: DemoUser, v: Variant): Outcome {
  if (v === 'bucha') return u === 'sv.bucha' ? 'allowed' : u === 'cm.bucha' || u === 'cas.bucha' ? 'forbidden' : 'hidden';
  return u === 'cm.stryi' || u === 'cas.stryi' ? 'forbidden' : 'hidden';
}
const reassignPolicy = { rule: 'a supervisor of the case’s Centre; the case manager and Child Affairs 403; the rest 404', expect: reassign, variants: both, coverage: 'full' as const };

const session = (w: { ids: Record<string, string> }) => ({ id: w.ids.supervisionSession as string });
const staff = (w: { ids: Record<string, string> }) => ({ id: w.ids.workforceStaff as string });
const bucha = (w: { world: { bucha: string } }) => `hromadaId=${w.world.bucha}`;

export const policies: PolicyPart['policies'] = {
  'GET /api/v1/workforce/settings': simple('caseload weights: supervisors, planners, coordinators, analysts, admin', only(settingsReaders)),
  'PUT /api/v1/workforce/settings': simple('the system administrator sets the caseload weights', only(['admin'])),
  'GET /api/v1/workforce/staff': simple('the staff register: the Centre’s supervisor (and head) and the administrator', only(staffKeepers)),
  'POST /api/v1/workforce/staff': simple('the Centre’s supervisor (and head) and the administrator', only(staffKeepers), { body: (w) => ({ organisationId: w.ids.buchaCss as string, userId: null, isHead: false }) }),
  'PUT /api/v1/workforce/staff/:id': simple('the register’s keepers; to anyone else the entry is absent', only(staffKeepers, 'hidden'), { params: staff, body: () => ({ userId: null, isHead: false }) }),
  'POST /api/v1/workforce/staff/:id/trainings': simple('the register’s keepers; to anyone else the entry is absent', only(staffKeepers, 'hidden'), { params: staff }),
  'GET /api/v1/workforce/me': simple('any signed-in user: their own trainings and check-ins', all),
  'POST /api/v1/workforce/me/checkins': simple('staff who work with families check in about themselves', only(checkers)),
  'GET /api/v1/workforce/wellbeing': simple('the team’s aggregate burnout signal: its supervisor (and head)', only(['sv.bucha'])),
  'GET /api/v1/cases/:id/assignments': caseRead({ rule: 'case scope: who managed the case before, with reasons' }),
  'GET /api/v1/cases/:id/reassignment-candidates': reassignPolicy,
  'POST /api/v1/cases/:id/reassignment': reassignPolicy,
  'GET /api/v1/supervision/sessions': simple('any signed-in user: the sessions they hold, attend or head (often none)', all),
  'POST /api/v1/supervision/sessions': simple('supervisors record sessions with workers of their Centre', only(['sv.bucha'])),
  'GET /api/v1/supervision/sessions/:id': simple('confidential card: supervisor and supervisee (and head once submitted); everyone else 404', only(['sv.bucha', 'cm.bucha'], 'hidden'), { params: session }),
  'GET /api/v1/supervision/sessions/:id/card.pdf': simple('the card as PDF: as the card itself; everyone else 404', only(['sv.bucha', 'cm.bucha'], 'hidden'), { params: session }),
  'PUT /api/v1/supervision/sessions/:id': simple('the supervisor keeps the card; the supervisee sees it (403); everyone else 404', (u) => (u === 'sv.bucha' ? 'allowed' : u === 'cm.bucha' ? 'forbidden' : 'hidden'), { params: session }),
  'POST /api/v1/supervision/sessions/:id/submission': simple('the supervisor submits the card; the supervisee 403; everyone else 404', (u) => (u === 'sv.bucha' ? 'allowed' : u === 'cm.bucha' ? 'forbidden' : 'hidden'), { params: session }),
  'GET /api/v1/workforce/need': simple('aggregate need: the hromada’s planner, the oblast coordinator, analysts, admin', only(needReaders), { query: bucha }),
  'PUT /api/v1/workforce/need': simple('the hromada’s planner and the administrator enter the inputs', only(['planner.bucha', 'admin']), { query: bucha }),
  'GET /api/v1/workforce/need.xlsx': simple('aggregate need as a spreadsheet: as the need itself', only(needReaders), { query: bucha }),
};

/** The Bucha Centre, a staff entry of its register, and a supervision session of sv.bucha with cm.bucha (a draft). */
export const seedIds: PolicyPart['seedIds'] = async ({ deps, world, created }) => {
  await seedDemoWorkforce(deps);
  const css = await deps.db.selectFrom('organisations').select('id').where('type', '=', 'css').where('hromada_id', '=', world.bucha).executeTakeFirstOrThrow();
  const entry = await deps.db.selectFrom('workforce_staff').select('id').where('organisation_id', '=', css.id).where('user_id', '=', world.userId('cm2.bucha')).executeTakeFirstOrThrow();
  const s = await created('sv.bucha', '/api/v1/supervision/sessions', { purpose: 'consulting', participantsKind: 'individual', timing: 'unscheduled', format: 'internal', sessionDate: '2026-11-19', participantIds: [world.userId('cm.bucha')], topics: 'Матриця доступу' });
  return { buchaCss: css.id, workforceStaff: entry.id, supervisionSession: String(s.id) };
};
