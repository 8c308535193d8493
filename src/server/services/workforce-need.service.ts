import ExcelJS from 'exceljs';
import { canEditWorkforceNeed, canReadWorkforceNeed } from '#domain/access/workforce-policy.ts';
import { DomainError } from '#domain/errors.ts';
import { caseloadComplexities, type CaseloadComplexity } from '#domain/workforce/caseload.ts';
import { peoplePerStaff, workforceNeed } from '#domain/workforce/need.ts';
import type { NeedInputsRequest, WorkforceNeedView } from '#contracts/workforce.contract.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { assertCurrentVersion } from '../lib/versioning.ts';
import { appendAudit } from './audit.service.ts';
import { coordinatorOblastIds } from './institutions.service.ts';
import { loadWorkforceSettings } from './workforce.service.ts';

/**
 * Workforce need per hromada (SPEC §8, 002 Stage 2): specialists needed from the open cases of the hromada by the
 * caseload weights (complex cases ÷ 10 …), the FTE the planner enters for other services, and the travel allowance of
 * remote starostats; compared with the staff register of the hromada's social-service organisations. Aggregates only.
 */

async function hromadaOf(trx: Tx, hromadaId: string) {
  const h = await trx
    .selectFrom('territories as h')
    .leftJoin('territories as r', 'r.id', 'h.parent_id')
    .select(['h.id', 'h.level', 'h.name_uk', 'h.name_en', 'h.population', 'h.child_population', 'r.parent_id as oblastId'])
    .where('h.id', '=', hromadaId)
    .executeTakeFirst();
  if (!h || h.level !== 'hromada') throw new DomainError('hromada_not_found', 'No such hromada');
  return h;
}

async function requireReader(trx: Tx, actor: RequestActor, h: { id: string; oblastId: string | null }): Promise<void> {
  if (!canReadWorkforceNeed(actor, h.id, h.oblastId, await coordinatorOblastIds(trx, actor))) throw new DomainError('forbidden', 'You may not see the workforce need of this hromada');
}

/** Computes the need of a hromada (no access check, no audit). */
export async function computeWorkforceNeed(trx: Tx, actor: RequestActor, hromadaId: string, today: string): Promise<WorkforceNeedView> {
  const h = await hromadaOf(trx, hromadaId);
  const settings = await loadWorkforceSettings(trx);
  const inputs = await trx.selectFrom('workforce_hromada_inputs').selectAll().where('hromada_id', '=', hromadaId).executeTakeFirst();
  const travel = inputs?.travel_minutes ?? {};
  const starostats = await trx.selectFrom('territories').select(['id', 'name_uk', 'name_en']).where('parent_id', '=', hromadaId).where('level', '=', 'starostat').orderBy('name_uk').execute();
  const cases = await trx.selectFrom('cases').select(['complexity', (eb) => eb.fn.countAll<string>().as('n')]).where('hromada_id', '=', hromadaId).where('status', '=', 'open').groupBy('complexity').execute();
  const openCases = Object.fromEntries(caseloadComplexities.map((c) => [c, 0])) as Record<CaseloadComplexity, number>;
  for (const r of cases) {
    const key = (r.complexity && (caseloadComplexities as readonly string[]).includes(r.complexity) ? r.complexity : 'not_assessed') as CaseloadComplexity;
    openCases[key] += Number(r.n);
  }
  const staff = await trx
    .selectFrom('workforce_staff as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.fte', 's.staff_kind'])
    .where('o.hromada_id', '=', hromadaId)
    .where('o.type', '=', 'css')
    .where((eb) => eb.or([eb('s.ended_on', 'is', null), eb('s.ended_on', '>=', today)]))
    .where('s.started_on', '<=', today)
    .execute();
  const counted = staff.filter((s) => s.staff_kind !== 'volunteer');
  const availableFte = Math.round(counted.reduce((a, s) => a + Number(s.fte), 0) * 100) / 100;
  const travelMinutes = Object.fromEntries(starostats.filter((s) => typeof travel[s.id] === 'number').map((s) => [s.id, travel[s.id] as number]));
  const result = workforceNeed({ openCases, weights: settings.weights, otherServicesFte: Number(inputs?.other_services_fte ?? 0), starostatTravelMinutes: travelMinutes, travel: settings.travel, availableFte });
  return {
    hromada: { id: h.id, nameUk: h.name_uk, nameEn: h.name_en, population: h.population, childPopulation: h.child_population },
    openCases,
    weights: settings.weights,
    starostats: starostats.map((s) => {
      const m = travelMinutes[s.id] ?? null;
      return { id: s.id, nameUk: s.name_uk, nameEn: s.name_en, travelMinutes: m, remote: m !== null && m >= settings.travel.remoteThresholdMinutes };
    }),
    travelRule: settings.travel,
    result,
    staff: {
      people: staff.length,
      professionals: staff.filter((s) => s.staff_kind === 'professional').length,
      paraprofessionals: staff.filter((s) => s.staff_kind === 'paraprofessional').length,
      volunteers: staff.filter((s) => s.staff_kind === 'volunteer').length,
      fte: availableFte,
    },
    ratios: { peoplePerStaff: peoplePerStaff(h.population, availableFte), childrenPerStaff: peoplePerStaff(h.child_population, availableFte) },
    canEdit: canEditWorkforceNeed(actor, hromadaId),
    version: inputs?.version ?? 0,
  };
}

/** The workforce need of a hromada: its planner, the coordinator of its oblast, analysts and the administrator. */
export async function getWorkforceNeed(deps: Deps, actor: RequestActor, hromadaId: string): Promise<WorkforceNeedView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await requireReader(trx, actor, await hromadaOf(trx, hromadaId));
    return computeWorkforceNeed(trx, actor, hromadaId, todayInKyiv(now));
  });
}

/** The planner enters the FTE for other services and the travel time to each starostat (version 0 = nothing entered yet). */
export async function saveNeedInputs(deps: Deps, actor: RequestActor, hromadaId: string, body: NeedInputsRequest): Promise<WorkforceNeedView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const h = await hromadaOf(trx, hromadaId);
    await requireReader(trx, actor, h);
    if (!canEditWorkforceNeed(actor, hromadaId)) throw new DomainError('forbidden', 'Only the hromada’s planner enters the workforce-need inputs');
    const starostats = new Set((await trx.selectFrom('territories').select('id').where('parent_id', '=', hromadaId).where('level', '=', 'starostat').execute()).map((s) => s.id));
    const unknown = Object.keys(body.travelMinutes).filter((id) => !starostats.has(id));
    if (unknown.length > 0) throw new DomainError('starostat_not_in_hromada', 'A starostat does not belong to this hromada', { starostatIds: unknown });
    const current = await trx.selectFrom('workforce_hromada_inputs').select('version').where('hromada_id', '=', hromadaId).executeTakeFirst();
    assertCurrentVersion(current?.version ?? 0, body.version, 'workforce-need inputs');
    const values = { other_services_fte: body.otherServicesFte, travel_minutes: JSON.stringify(body.travelMinutes), updated_by: actor.userId, updated_at: now };
    if (!current) await trx.insertInto('workforce_hromada_inputs').values({ ...values, hromada_id: hromadaId, version: 1 }).execute();
    else await trx.updateTable('workforce_hromada_inputs').set({ ...values, version: current.version + 1 }).where('hromada_id', '=', hromadaId).where('version', '=', current.version).execute();
    await appendAudit(trx, { actor, action: 'update', entity: 'workforce_hromada_inputs', entityId: hromadaId, details: { otherServicesFte: body.otherServicesFte, travelMinutes: body.travelMinutes } }, now);
    return computeWorkforceNeed(trx, actor, hromadaId, todayInKyiv(now));
  });
}

const complexityUk: Record<CaseloadComplexity, string> = { simple: 'Прості', moderate: 'Помірні', complex: 'Складні', emergency: 'Екстрені', not_assessed: 'Без оцінки' };

/** The workforce need as a spreadsheet (Ukrainian): inputs, the computation step by step, and the comparison with the register. */
export async function workforceNeedXlsx(deps: Deps, actor: RequestActor, hromadaId: string): Promise<{ filename: string; buffer: Buffer }> {
  const view = await getWorkforceNeed(deps, actor, hromadaId);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Родина';
  const ws = wb.addWorksheet('Потреба в кадрах');
  ws.columns = [{ width: 58 }, { width: 14 }, { width: 14 }, { width: 16 }];
  ws.addRow([`Потреба у фахівцях: ${view.hromada.nameUk}`]).font = { bold: true, size: 13 };
  ws.addRow([`Станом на ${todayInKyiv(deps.now()).split('-').reverse().join('.')}`]);
  ws.addRow([]);
  ws.addRow(['Відкриті випадки за складністю', 'Кількість', 'Вага', 'Ставок (FTE)']).font = { bold: true };
  for (const c of caseloadComplexities) ws.addRow([complexityUk[c], view.openCases[c], view.weights[c], Math.round(view.openCases[c] * view.weights[c] * 1000) / 1000]);
  ws.addRow([]);
  const r = view.result;
  ws.addRow(['Розрахунок', '', '', 'Ставок (FTE)']).font = { bold: true };
  ws.addRow(['Складні та екстрені випадки (÷ 10)', '', '', r.complexFte]);
  ws.addRow(['Інші випадки за вагами', '', '', r.otherCasesFte]);
  ws.addRow(['Інші соціальні послуги', '', '', r.otherServicesFte]);
  ws.addRow([`Віддалені старостинські округи (≥ ${view.travelRule.remoteThresholdMinutes} хв в один бік, +${view.travelRule.remoteExtraFte} ставки кожен)`, r.remoteStarostats, '', r.travelFte]);
  ws.addRow(['Потрібно ставок (FTE)', '', '', r.neededFte]).font = { bold: true };
  ws.addRow(['Потрібно фахівців (округлено вгору)', '', '', r.specialistsNeeded]);
  ws.addRow(['Наявно за штатним реєстром (FTE)', '', '', r.availableFte]);
  ws.addRow(['Дефіцит (+) / надлишок (−), ставок', '', '', r.gapFte]).font = { bold: true };
  ws.addRow([]);
  ws.addRow(['Старостинський округ', 'Хвилин у дорозі', 'Віддалений']).font = { bold: true };
  for (const s of view.starostats) ws.addRow([s.nameUk, s.travelMinutes ?? '', s.remote ? 'так' : 'ні']);
  ws.addRow([]);
  ws.addRow(['Населення', view.hromada.population ?? '']);
  ws.addRow(['Дитяче населення', view.hromada.childPopulation ?? '']);
  ws.addRow(['Осіб на 1 ставку фахівця', view.ratios.peoplePerStaff ?? '']);
  ws.addRow(['Дітей на 1 ставку фахівця', view.ratios.childrenPerStaff ?? '']);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await deps.db.transaction().execute((trx) => appendAudit(trx, { actor, action: 'read', entity: 'workforce_need', entityId: hromadaId, details: { format: 'xlsx' } }, deps.now()));
  return { filename: `workforce-need-${todayInKyiv(deps.now())}.xlsx`, buffer };
}
