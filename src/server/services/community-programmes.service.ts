import { sql } from 'kysely';
import type { z } from 'zod';
import { canEditCommunityPlanning } from '#domain/access/planning-policy.ts';
import { DomainError } from '#domain/errors.ts';
import { compareOptions, computeCosting, perPerson, roundMoney } from '#domain/planning/costing.ts';
import { checkProgrammePeriod, indicatorProgress, smartGaps, type ProgrammeStatus } from '#domain/planning/programme.ts';
import type { CostingInputBody, GoalInput, ProgrammeView, programmeCreate, programmeUpdate } from '#contracts/community-planning.contract.ts';
import type { Deps, RequestActor, Tx } from '../lib/context.ts';
import { assertCurrentVersion } from '../lib/versioning.ts';
import { appendAudit } from './audit.service.ts';
import { loadHromada, readableHromadas, requirePlannerRole, requirePlanningEdit, requirePlanningRead } from './community-access.service.ts';

/**
 * The targeted social programme of a hromada with its costed services (SPEC §8; 002 Stage 2). The programme is one
 * document (goals, measures, indicators, costings) saved whole with its version; every figure of the costing is
 * computed by `domain/planning/costing.ts` when read, and the yearly budget is stored for the neighbour comparison.
 */

async function loadRow(trx: Tx, id: string, lock = false) {
  let q = trx.selectFrom('community_programmes').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Not found');
  return row;
}
type Row = Awaited<ReturnType<typeof loadRow>>;

/** The programme's population: entered on the programme, otherwise the territory's. */
async function populationOf(trx: Tx, row: Pick<Row, 'population' | 'hromada_id'>): Promise<number | null> {
  if (row.population !== null) return row.population;
  const t = await trx.selectFrom('territories').select('population').where('id', '=', row.hromada_id).executeTakeFirst();
  return t?.population ?? null;
}

function costed(c: CostingInputBody) {
  const result = computeCosting(c);
  return { result, options: compareOptions(result, c.quotes) };
}

/** The yearly budget of all costed services. */
function budgetOf(costings: readonly CostingInputBody[]): number {
  return roundMoney(costings.reduce((s, c) => s + computeCosting(c).budget, 0));
}

async function viewOf(trx: Tx, actor: RequestActor, row: Row): Promise<ProgrammeView> {
  const h = await loadHromada(trx, row.hromada_id);
  const goals = row.goals as GoalInput[];
  const costings = row.costings as CostingInputBody[];
  const codes = [...new Set(costings.map((c) => c.serviceCode))];
  const services = codes.length === 0 ? [] : await trx.selectFrom('service_catalogue').select(['code', 'name_uk', 'name_en', 'unit_of_measure']).where('code', 'in', codes).execute();
  const byCode = new Map(services.map((s) => [s.code, s]));
  const population = await populationOf(trx, row);
  const budgetTotal = Number(row.budget_total);
  // Neighbouring hromadas: the same rayon, programmes overlapping this one's years (aggregates only).
  const neighbours = await trx
    .selectFrom('community_programmes as p')
    .innerJoin('territories as t', 't.id', 'p.hromada_id')
    .select(['p.id', 'p.hromada_id', 't.name_uk', 't.name_en', 't.population as tPopulation', 'p.population', 'p.title', 'p.from_year', 'p.to_year', 'p.budget_total'])
    .where('t.parent_id', '=', h.rayonId)
    .where('p.hromada_id', '!=', row.hromada_id)
    .where('p.from_year', '<=', row.to_year)
    .where('p.to_year', '>=', row.from_year)
    .execute();
  return {
    id: row.id,
    hromada: { id: h.id, nameUk: h.nameUk, nameEn: h.nameEn },
    title: row.title,
    fromYear: row.from_year,
    toYear: row.to_year,
    status: row.status as ProgrammeStatus,
    budgetTotal,
    perPerson: perPerson(budgetTotal, population),
    version: row.version,
    population,
    needsAssessmentId: row.needs_assessment_id,
    goals: goals.map((g) => ({
      ...g,
      smartGaps: smartGaps({ title: g.title, targetGroup: g.targetGroup, rationale: g.rationale, dueYear: g.dueYear, measures: g.measures.length, indicatorsWithTarget: g.indicators.length }, { fromYear: row.from_year, toYear: row.to_year }),
      indicators: g.indicators.map((i) => ({ ...i, ...indicatorProgress(i) })),
    })),
    costings: costings.map((c) => {
      const s = byCode.get(c.serviceCode);
      return { ...c, serviceNameUk: s?.name_uk ?? c.serviceCode, serviceNameEn: s?.name_en ?? c.serviceCode, unitOfMeasure: s?.unit_of_measure ?? '', ...costed(c) };
    }),
    neighbours: neighbours
      .map((n) => {
        const pop = n.population ?? n.tPopulation;
        const b = Number(n.budget_total);
        return { hromada: { id: n.hromada_id, nameUk: n.name_uk, nameEn: n.name_en }, title: n.title, fromYear: n.from_year, toYear: n.to_year, budgetTotal: b, population: pop, perPerson: perPerson(b, pop) };
      })
      .sort((a, b) => a.hromada.nameUk.localeCompare(b.hromada.nameUk, 'uk') || a.fromYear - b.fromYear),
    allowedActions: canEditCommunityPlanning(actor, row.hromada_id) ? ['edit'] : [],
  };
}

/** Programmes of the hromadas the actor may read. */
export async function listProgrammes(deps: Deps, actor: RequestActor, query: { hromadaId?: string | undefined }) {
  return deps.db.transaction().execute(async (trx) => {
    const allowed = await readableHromadas(trx, actor);
    if (query.hromadaId && allowed && !allowed.has(query.hromadaId)) throw new DomainError('forbidden', 'This hromada is outside your territory');
    let q = trx.selectFrom('community_programmes as p').innerJoin('territories as h', 'h.id', 'p.hromada_id').select(['p.id', 'p.hromada_id', 'p.population', 'h.population as tPopulation', 'h.name_uk', 'h.name_en', 'p.title', 'p.from_year', 'p.to_year', 'p.status', 'p.budget_total', 'p.version']);
    if (query.hromadaId) q = q.where('p.hromada_id', '=', query.hromadaId);
    else if (allowed) q = allowed.size === 0 ? q.where(sql<boolean>`false`) : q.where('p.hromada_id', 'in', [...allowed]);
    const rows = await q.orderBy('p.from_year', 'desc').execute();
    return {
      items: rows
        .map((r) => ({ id: r.id, hromada: { id: r.hromada_id, nameUk: r.name_uk, nameEn: r.name_en }, title: r.title, fromYear: r.from_year, toYear: r.to_year, status: r.status as ProgrammeStatus, budgetTotal: Number(r.budget_total), perPerson: perPerson(Number(r.budget_total), r.population ?? r.tPopulation), version: r.version }))
        .sort((a, b) => b.fromYear - a.fromYear || a.hromada.nameUk.localeCompare(b.hromada.nameUk, 'uk')),
    };
  });
}

/** One programme with SMART gaps, monitoring, costing, budget and neighbours. */
export async function getProgramme(deps: Deps, actor: RequestActor, id: string): Promise<ProgrammeView> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadRow(trx, id);
    await requirePlanningRead(trx, actor, row.hromada_id, true);
    return viewOf(trx, actor, row);
  });
}

function checkPeriod(fromYear: number, toYear: number): void {
  if (checkProgrammePeriod(fromYear, toYear)) throw new DomainError('period_invalid', 'A programme covers one to three years', { path: 'toYear' });
}

async function checkNeedsAssessment(trx: Tx, id: string | null, hromadaId: string): Promise<void> {
  if (id === null) return;
  const a = await trx.selectFrom('community_needs_assessments').select('hromada_id').where('id', '=', id).executeTakeFirst();
  if (!a || a.hromada_id !== hromadaId) throw new DomainError('planning_assessment_not_found', 'Choose a needs assessment of this hromada', { needsAssessmentId: id });
}

/** Creates an empty programme of the hromada. */
export async function createProgramme(deps: Deps, actor: RequestActor, input: z.infer<typeof programmeCreate>): Promise<ProgrammeView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    requirePlannerRole(actor);
    await loadHromada(trx, input.hromadaId);
    await requirePlanningRead(trx, actor, input.hromadaId, false);
    requirePlanningEdit(actor, input.hromadaId);
    checkPeriod(input.fromYear, input.toYear);
    await checkNeedsAssessment(trx, input.needsAssessmentId, input.hromadaId);
    const row = await trx
      .insertInto('community_programmes')
      .values({ hromada_id: input.hromadaId, needs_assessment_id: input.needsAssessmentId, title: input.title, from_year: input.fromYear, to_year: input.toYear, population: input.population, created_by: actor.userId, updated_by: actor.userId, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'create', entity: 'community_programme', entityId: row.id, details: { hromadaId: input.hromadaId, fromYear: input.fromYear, toYear: input.toYear } }, now);
    return viewOf(trx, actor, row);
  });
}

function checkKeys(input: z.infer<typeof programmeUpdate>): void {
  const groups: string[][] = [input.goals.map((g) => g.key), input.costings.map((c) => c.key), ...input.goals.map((g) => g.measures.map((m) => m.key)), ...input.goals.map((g) => g.indicators.map((i) => i.key))];
  for (const keys of groups) if (new Set(keys).size !== keys.length) throw new DomainError('duplicate_key', 'Two items share one key', {});
}

/** Saves the whole programme (goals, measures, indicators with monitoring values, costings). */
export async function updateProgramme(deps: Deps, actor: RequestActor, id: string, input: z.infer<typeof programmeUpdate>): Promise<ProgrammeView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadRow(trx, id, true);
    await requirePlanningRead(trx, actor, row.hromada_id, true);
    requirePlanningEdit(actor, row.hromada_id);
    assertCurrentVersion(row.version, input.version, 'programme');
    checkPeriod(input.fromYear, input.toYear);
    checkKeys(input);
    await checkNeedsAssessment(trx, input.needsAssessmentId, row.hromada_id);
    const codes = [...new Set([...input.costings.map((c) => c.serviceCode), ...input.goals.flatMap((g) => g.measures.map((m) => m.serviceCode)).filter((c): c is string => c !== null)])];
    if (codes.length > 0) {
      const known = new Set((await trx.selectFrom('service_catalogue').select('code').where('code', 'in', codes).execute()).map((s) => s.code));
      const unknown = codes.find((c) => !known.has(c));
      if (unknown) throw new DomainError('unknown_service_code', 'No such service in the catalogue', { serviceCode: unknown });
    }
    const budget = budgetOf(input.costings);
    if (budget >= 1e12) throw new DomainError('amount_too_large', 'The budget is beyond any hromada’s means; check the figures', { budget });
    const updated = await trx
      .updateTable('community_programmes')
      .set({ title: input.title, from_year: input.fromYear, to_year: input.toYear, status: input.status, population: input.population, needs_assessment_id: input.needsAssessmentId, goals: JSON.stringify(input.goals), costings: JSON.stringify(input.costings), budget_total: budget, updated_by: actor.userId, version: row.version + 1, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'update', entity: 'community_programme', entityId: id, details: { version: updated.version, status: input.status, goals: input.goals.length, costings: input.costings.length, budgetTotal: budget } }, now);
    return viewOf(trx, actor, updated);
  });
}
