import { seedDemoCommunityPlanning } from '#server/db/seed/demo-community-planning.ts';
import { all, only, simple, type RoutePolicy, type SeedContext } from '../route-policy-kit.ts';
import type { DemoUser } from '../matrix-world.ts';

/**
 * Community planning (SPEC §8) and the oblast plan (§9). Bucha's planning is read by its planner, its supervisor,
 * the Kyiv oblast coordinator and the national analyst (records addressed by id are absent to anyone else) and kept
 * by its planner; the published summary is read by every signed-in user. The Kyiv oblast plan is kept by coord.kyiv
 * and read by the national analyst. Writes send a stale version: whoever passes the access check gets 409.
 */
const buchaReaders: readonly DemoUser[] = ['planner.bucha', 'sv.bucha', 'coord.kyiv', 'analyst.national'];
const planner: readonly DemoUser[] = ['planner.bucha'];
const oblastReaders: readonly DemoUser[] = ['coord.kyiv', 'analyst.national'];
/** Readers who may not write: 403; everyone else: 404. */
const keeperWrite = (keepers: readonly DemoUser[], readers: readonly DemoUser[]) => (u: DemoUser) => (keepers.includes(u) ? 'allowed' : readers.includes(u) ? 'forbidden' : 'hidden');

const na = (w: { ids: Record<string, string> }) => ({ id: w.ids.communityNeedsAssessment as string });
const pr = (w: { ids: Record<string, string> }) => ({ id: w.ids.communityProgramme as string });
const op = (w: { ids: Record<string, string> }) => ({ id: w.ids.oblastPlan as string });
const stale = () => ({ version: 999 });

export const policies: Record<string, RoutePolicy> = {
  'GET /api/v1/community-needs-assessments': simple('planning roles, within their territory', only(buchaReaders)),
  'POST /api/v1/community-needs-assessments': simple('the hromada’s community planner', only(planner), { body: (w) => ({ hromadaId: w.world.bucha, year: 2031 }) }),
  'GET /api/v1/community-needs-assessments/:id': simple('planning roles of the hromada; absent to anyone else', only(buchaReaders, 'hidden'), { params: na }),
  'PUT /api/v1/community-needs-assessments/:id': simple('the hromada’s planner; readers 403; absent to anyone else', keeperWrite(planner, buchaReaders), { params: na, body: stale }),
  'POST /api/v1/community-needs-assessments/:id/publication': simple('the hromada’s planner; readers 403; absent to anyone else', keeperWrite(planner, buchaReaders), { params: na, body: stale }),
  'GET /api/v1/community-needs-assessment-summaries': simple('published summaries: every signed-in user (public review)', all),
  'GET /api/v1/community-needs-assessment-summaries/:id': simple('a published summary: every signed-in user (aggregates, small cells suppressed)', all, { params: na }),
  'GET /api/v1/community-programmes': simple('planning roles, within their territory', only(buchaReaders)),
  'POST /api/v1/community-programmes': simple('the hromada’s community planner', only(planner), { body: (w) => ({ hromadaId: w.world.bucha, title: 'Програма', fromYear: 2031, toYear: 2031, needsAssessmentId: null }) }),
  'GET /api/v1/community-programmes/:id': simple('planning roles of the hromada; absent to anyone else', only(buchaReaders, 'hidden'), { params: pr }),
  'PUT /api/v1/community-programmes/:id': simple('the hromada’s planner; readers 403; absent to anyone else', keeperWrite(planner, buchaReaders), { params: pr, body: stale }),
  'GET /api/v1/community-programmes/:id/export.xlsx': simple('planning roles of the hromada; absent to anyone else', only(buchaReaders, 'hidden'), { params: pr }),
  'GET /api/v1/community-programmes/:id/export.csv': simple('planning roles of the hromada; absent to anyone else', only(buchaReaders, 'hidden'), { params: pr }),
  'GET /api/v1/oblast-plans': simple('oblast coordinators, oblast council members, the national analyst', only(oblastReaders)),
  'POST /api/v1/oblast-plans': simple('the oblast coordinator of the oblast', only(['coord.kyiv']), { body: (w) => ({ oblastId: w.ids.kyivOblast, title: 'План', fromYear: 2035, toYear: 2035 }) }),
  'GET /api/v1/oblast-plans/:id': simple('coordinator of the oblast, its council, the national analyst; absent to anyone else', only(oblastReaders, 'hidden'), { params: op }),
  'PUT /api/v1/oblast-plans/:id': simple('the coordinator of the oblast; readers 403; absent to anyone else', keeperWrite(['coord.kyiv'], oblastReaders), { params: op, body: stale }),
  'GET /api/v1/oblast-plans/:id/export.xlsx': simple('coordinator of the oblast, its council, the national analyst; absent to anyone else', only(oblastReaders, 'hidden'), { params: op }),
};

/** The demo planning records (Bucha needs assessment published, programme, Kyiv oblast plan). */
export async function seedIds(ctx: SeedContext): Promise<Record<string, string>> {
  const seeded = await seedDemoCommunityPlanning(ctx.deps);
  if (!seeded) throw new Error('community planning demo not seeded');
  const row = await ctx.deps.db.selectFrom('community_needs_assessments').select('version').where('id', '=', seeded.needsAssessmentId).executeTakeFirstOrThrow();
  await ctx.created('planner.bucha', `/api/v1/community-needs-assessments/${seeded.needsAssessmentId}/publication`, { version: row.version });
  const kyiv = await ctx.deps.db.selectFrom('territories').select('id').where('level', '=', 'oblast').where('name_en', 'like', 'Kyiv%').executeTakeFirstOrThrow();
  return { communityNeedsAssessment: seeded.needsAssessmentId, communityProgramme: seeded.programmeId, oblastPlan: seeded.oblastPlanId, kyivOblast: kyiv.id };
}
