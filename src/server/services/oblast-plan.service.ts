import type { z } from 'zod';
import { canEditOblastPlan, canReadOblastPlan, mayListOblastPlans, type OblastTies } from '#domain/access/planning-policy.ts';
import { DomainError } from '#domain/errors.ts';
import { activityTotals, planTotals } from '#domain/planning/oblast-plan.ts';
import type { activityInput, OblastPlanView, oblastPlanCreate, oblastPlanUpdate } from '#contracts/community-planning.contract.ts';
import type { Deps, RequestActor, Tx } from '../lib/context.ts';
import { assertCurrentVersion } from '../lib/versioning.ts';
import { appendAudit } from './audit.service.ts';
import { coordinatorOblastIds } from './institutions.service.ts';

/**
 * The oblast costed implementation plan (SPEC §9; 001 §4.iv): kept by the oblast coordinator of the oblast, read by
 * the oblast Better Care Council's members and secretary and by the national analyst. Organisational data only.
 */

type Activity = z.infer<typeof activityInput>;

/** Oblasts of the actor's oblast Better Care Council grants (member or secretary). */
async function councilOblastIds(trx: Tx, actor: RequestActor): Promise<string[]> {
  const orgIds = actor.grants.filter((g) => (g.role === 'panel_member' || g.role === 'panel_secretary') && g.organisationType === 'oblast_better_care_council').map((g) => g.organisationId);
  if (orgIds.length === 0) return [];
  const rows = await trx.selectFrom('organisations as o').innerJoin('territories as t', 't.id', 'o.territory_id').select(['t.id', 't.level', 't.parent_id']).where('o.id', 'in', orgIds).execute();
  return rows.map((r) => (r.level === 'oblast' ? r.id : null)).filter((x): x is string => x !== null);
}

async function tiesOf(trx: Tx, actor: RequestActor): Promise<OblastTies> {
  return { coordinated: await coordinatorOblastIds(trx, actor), council: await councilOblastIds(trx, actor) };
}

async function loadOblast(trx: Tx, id: string) {
  const o = await trx.selectFrom('territories').select(['id', 'name_uk', 'name_en']).where('id', '=', id).where('level', '=', 'oblast').executeTakeFirst();
  if (!o) throw new DomainError('oblast_not_found', 'Choose an oblast', { oblastId: id });
  return { id: o.id, nameUk: o.name_uk, nameEn: o.name_en };
}

async function loadRow(trx: Tx, id: string, lock = false) {
  let q = trx.selectFrom('oblast_plans').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Not found');
  return row;
}
type Row = Awaited<ReturnType<typeof loadRow>>;

function yearsOf(row: Pick<Row, 'from_year' | 'to_year'>): number[] {
  return Array.from({ length: row.to_year - row.from_year + 1 }, (_, i) => row.from_year + i);
}

async function viewOf(trx: Tx, ties: OblastTies, row: Row): Promise<OblastPlanView> {
  const oblast = await loadOblast(trx, row.oblast_id);
  const activities = row.activities as Activity[];
  const t = planTotals(activities, yearsOf(row));
  return {
    id: row.id,
    oblast,
    title: row.title,
    fromYear: row.from_year,
    toYear: row.to_year,
    total: t.total,
    version: row.version,
    activities: activities.map((a) => ({ ...a, totals: activityTotals(a) })),
    byYear: t.byYear,
    byPillar: t.byPillar,
    allowedActions: canEditOblastPlan(ties, row.oblast_id) ? ['edit'] : [],
  };
}

/** Plans the actor may read. */
export async function listOblastPlans(deps: Deps, actor: RequestActor, query: { oblastId?: string | undefined }) {
  if (!mayListOblastPlans(actor)) throw new DomainError('forbidden', 'Oblast plans are for oblast coordinators, council members and analysts');
  return deps.db.transaction().execute(async (trx) => {
    const ties = await tiesOf(trx, actor);
    let q = trx.selectFrom('oblast_plans').selectAll();
    if (query.oblastId) q = q.where('oblast_id', '=', query.oblastId);
    const rows = (await q.orderBy('from_year', 'desc').execute()).filter((r) => canReadOblastPlan(actor, ties, r.oblast_id));
    const items = [];
    for (const r of rows) {
      const v = await viewOf(trx, ties, r);
      items.push({ id: v.id, oblast: v.oblast, title: v.title, fromYear: v.fromYear, toYear: v.toYear, total: v.total, version: v.version });
    }
    return { items };
  });
}

/** One plan with activities, totals per year and per pillar. */
export async function getOblastPlan(deps: Deps, actor: RequestActor, id: string): Promise<OblastPlanView> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadRow(trx, id);
    const ties = await tiesOf(trx, actor);
    if (!canReadOblastPlan(actor, ties, row.oblast_id)) throw new DomainError('not_found', 'Not found');
    return viewOf(trx, ties, row);
  });
}

function checkPeriod(fromYear: number, toYear: number): void {
  if (toYear < fromYear || toYear - fromYear > 9) throw new DomainError('period_invalid', 'The plan covers one to ten years', { path: 'toYear' });
}

/** Creates the oblast's plan for a period (the coordinator of the oblast). */
export async function createOblastPlan(deps: Deps, actor: RequestActor, input: z.infer<typeof oblastPlanCreate>): Promise<OblastPlanView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    if (!actor.grants.some((g) => g.role === 'oblast_coordinator')) throw new DomainError('forbidden', 'Only the oblast coordinator keeps the oblast plan');
    await loadOblast(trx, input.oblastId);
    const ties = await tiesOf(trx, actor);
    if (!canEditOblastPlan(ties, input.oblastId)) throw new DomainError('forbidden', 'Only the oblast coordinator of this oblast keeps its plan');
    checkPeriod(input.fromYear, input.toYear);
    const exists = await trx.selectFrom('oblast_plans').select('id').where('oblast_id', '=', input.oblastId).where('from_year', '=', input.fromYear).executeTakeFirst();
    if (exists) throw new DomainError('oblast_plan_exists', 'The oblast already has a plan starting this year', { id: exists.id });
    const row = await trx.insertInto('oblast_plans').values({ oblast_id: input.oblastId, title: input.title, from_year: input.fromYear, to_year: input.toYear, created_by: actor.userId, updated_by: actor.userId, created_at: now, updated_at: now }).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'create', entity: 'oblast_plan', entityId: row.id, details: { oblastId: input.oblastId, fromYear: input.fromYear, toYear: input.toYear } }, now);
    return viewOf(trx, ties, row);
  });
}

/** Saves the plan's activities (whole list) with the version. */
export async function updateOblastPlan(deps: Deps, actor: RequestActor, id: string, input: z.infer<typeof oblastPlanUpdate>): Promise<OblastPlanView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadRow(trx, id, true);
    const ties = await tiesOf(trx, actor);
    if (!canReadOblastPlan(actor, ties, row.oblast_id)) throw new DomainError('not_found', 'Not found');
    if (!canEditOblastPlan(ties, row.oblast_id)) throw new DomainError('forbidden', 'Only the oblast coordinator of this oblast keeps its plan');
    assertCurrentVersion(row.version, input.version, 'oblast plan');
    checkPeriod(input.fromYear, input.toYear);
    const keys = input.activities.map((a) => a.key);
    if (new Set(keys).size !== keys.length) throw new DomainError('duplicate_key', 'Two items share one key', {});
    for (const a of input.activities) {
      const ys = a.years.map((y) => y.year);
      if (new Set(ys).size !== ys.length) throw new DomainError('duplicate_key', 'A year appears twice in one activity', { activity: a.key });
      const outside = a.years.find((y) => y.year < input.fromYear || y.year > input.toYear);
      if (outside) throw new DomainError('year_outside_plan', 'A year lies outside the plan period', { year: outside.year });
    }
    const updated = await trx.updateTable('oblast_plans').set({ title: input.title, from_year: input.fromYear, to_year: input.toYear, activities: JSON.stringify(input.activities), updated_by: actor.userId, version: row.version + 1, updated_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'update', entity: 'oblast_plan', entityId: id, details: { version: updated.version, activities: input.activities.length } }, now);
    return viewOf(trx, ties, updated);
  });
}
