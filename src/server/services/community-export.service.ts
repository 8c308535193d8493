import ExcelJS from 'exceljs';
import type { DeliveryOption } from '#domain/planning/costing.ts';
import type { Component, FundingSource, Pillar } from '#domain/planning/oblast-plan.ts';
import type { IndicatorType, SmartCriterion } from '#domain/planning/programme.ts';
import type { OblastPlanView, ProgrammeView } from '#contracts/community-planning.contract.ts';
import { todayInKyiv, type Deps, type RequestActor } from '../lib/context.ts';
import { appendAudit } from './audit.service.ts';
import { getProgramme } from './community-programmes.service.ts';
import { getOblastPlan } from './oblast-plan.service.ts';

/** Spreadsheet (XLSX) and CSV exports of the programme with its costing, and of the oblast plan; Ukrainian headings. */

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const indicatorTypeUk: Record<IndicatorType, string> = { cost: 'витрат', output: 'продукту', efficiency: 'ефективності', quality: 'якості' };
const smartUk: Record<SmartCriterion, string> = { specific: 'конкретна', measurable: 'вимірювана', achievable: 'досяжна', relevant: 'доречна', time_bound: 'обмежена в часі' };
const optionUk: Record<DeliveryOption, string> = { own_provision: 'власне надання', buy_from_neighbour: 'закупівля в сусідньої громади', outsource: 'аутсорсинг' };
const pillarUk: Record<Pillar, string> = { strengthen_families: 'Напрям 1. Зміцнення сімей', family_based_care: 'Напрям 2. Сімейні форми догляду', reintegration_transformation: 'Напрям 3. Реінтеграція та трансформація закладів' };
const componentUk: Record<Component, string> = { case_management: 'ведення випадку', gatekeeping: 'гейткіпінг', workforce: 'кадри соціальної сфери', lived_experience: 'участь людей з власним досвідом', none: '—' };
const fundingUk: Record<FundingSource, string> = { state_budget: 'державний бюджет', oblast_budget: 'обласний бюджет', local_budgets: 'місцеві бюджети', donors: 'донори', private: 'приватні кошти', other: 'інше' };

type Sheet = { name: string; header: string[]; rows: Array<Array<string | number | null>> };

function programmeSheets(p: ProgrammeView): Sheet[] {
  const goals: Sheet = { name: 'Цілі та заходи', header: ['Ціль', 'Цільова група', 'Обґрунтування', 'Рік досягнення', 'SMART: бракує', 'Захід', 'Послуга', 'Відповідальний', 'Рік', 'Ресурси'], rows: [] };
  const indicators: Sheet = { name: 'Показники', header: ['Ціль', 'Показник', 'Тип', 'Одиниця', 'Базове значення', 'Цільове значення', 'Період', 'Фактичне значення', 'Виконання, %', 'Досягнуто'], rows: [] };
  for (const g of p.goals) {
    const gaps = g.smartGaps.map((s) => smartUk[s]).join(', ');
    if (g.measures.length === 0) goals.rows.push([g.title, g.targetGroup, g.rationale, g.dueYear, gaps, '', '', '', null, '']);
    for (const m of g.measures) goals.rows.push([g.title, g.targetGroup, g.rationale, g.dueYear, gaps, m.title, m.serviceCode ?? '', m.responsible, m.year, m.resources]);
    for (const i of g.indicators) indicators.rows.push([g.title, i.name, indicatorTypeUk[i.type], i.unit, i.baseline, i.target, i.latestPeriod ?? '', i.latest, i.progressPercent, i.achieved ? 'так' : 'ні']);
  }
  const costing: Sheet = { name: 'Калькуляція', header: ['Послуга', 'Посада', 'Оплата праці на місяць, грн', 'Годин на місяць', 'Оплата за годину, грн', 'Годин на одиницю', 'Вартість праці на одиницю з ЄСВ, грн', 'Матеріали на одиницю, грн', 'Накладні на одиницю, грн', 'Вартість одиниці, грн'], rows: [] };
  for (const c of p.costings) {
    c.staff.forEach((s, ix) => costing.rows.push([c.serviceNameUk, s.position, s.monthlyPay, s.monthlyHours, c.result.staffLines[ix]?.hourlyPay ?? null, s.hoursPerUnit, c.result.staffLines[ix]?.costPerUnit ?? null, null, null, null]));
    costing.rows.push([c.serviceNameUk, 'Разом на одиницю', null, null, null, null, c.result.staffCostPerUnit, c.result.materialsPerUnit, c.result.overheadPerUnit, c.result.unitCost]);
  }
  const budget: Sheet = { name: 'Бюджет', header: ['Послуга', 'Одиниця виміру', 'Вартість одиниці, грн', 'Очікувана кількість отримувачів', 'Одиниць на отримувача', 'Усього одиниць', 'Бюджет на рік, грн', 'Спосіб надання', 'Варіант', 'Постачальник', 'Ціна одиниці, грн', 'Вартість, грн', 'Різниця з власним наданням, грн'], rows: [] };
  for (const c of p.costings) {
    budget.rows.push([c.serviceNameUk, c.unitOfMeasure, c.result.unitCost, c.expectedRecipients, c.unitsPerRecipient, c.result.totalUnits, c.result.budget, optionUk[c.deliveryOption], '', '', null, null, null]);
    for (const o of c.options.filter((x) => x.option !== 'own_provision')) budget.rows.push([c.serviceNameUk, '', null, null, null, null, null, '', optionUk[o.option], o.supplier, o.unitPrice, o.total, o.differenceFromOwn]);
  }
  budget.rows.push(['Разом', '', null, null, null, null, p.budgetTotal, '', '', '', null, null, null]);
  budget.rows.push(['На одного мешканця', '', null, null, null, null, p.perPerson, '', '', '', null, null, null]);
  for (const n of p.neighbours) budget.rows.push([`Сусідня громада: ${n.hromada.nameUk}`, n.title, null, null, null, null, n.budgetTotal, '', '', '', null, n.perPerson, null]);
  return [goals, indicators, costing, budget];
}

function oblastSheets(p: OblastPlanView): Sheet[] {
  const years = Array.from({ length: p.toYear - p.fromYear + 1 }, (_, i) => p.fromYear + i);
  const acts: Sheet = { name: 'Заходи', header: ['Напрям', 'Компонент', 'Захід', 'Відповідальний', 'Джерело фінансування', ...years.flatMap((y) => [`${y}: вартість, грн`, `${y}: забезпечено, грн`]), 'Вартість, грн', 'Забезпечено, грн', 'Дефіцит, грн'], rows: [] };
  for (const a of p.activities) {
    const byYear = new Map(a.years.map((y) => [y.year, y]));
    acts.rows.push([pillarUk[a.pillar], componentUk[a.component], a.title, a.responsible, fundingUk[a.fundingSource], ...years.flatMap((y) => [byYear.get(y)?.cost ?? null, byYear.get(y)?.secured ?? null]), a.totals.cost, a.totals.secured, a.totals.gap]);
  }
  const totals: Sheet = { name: 'Підсумки', header: ['Розріз', 'Вартість, грн', 'Забезпечено, грн', 'Дефіцит, грн'], rows: [] };
  for (const y of p.byYear) totals.rows.push([`${y.year} рік`, y.cost, y.secured, y.gap]);
  for (const x of p.byPillar) totals.rows.push([pillarUk[x.pillar], x.cost, x.secured, x.gap]);
  totals.rows.push(['Разом', p.total.cost, p.total.secured, p.total.gap]);
  return [acts, totals];
}

async function toXlsx(title: string, sheets: Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Родина';
  wb.title = title;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(s.header).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    ws.columns.forEach((c) => (c.width = 22));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(sheets: Sheet[]): string {
  const lines: string[] = [];
  for (const s of sheets) {
    lines.push(['Аркуш', ...s.header].map(csvCell).join(','));
    for (const r of s.rows) lines.push([s.name, ...r].map(csvCell).join(','));
    lines.push('');
  }
  return '\uFEFF' + lines.join('\r\n');
}

async function audited(deps: Deps, actor: RequestActor, entity: string, id: string, format: string): Promise<void> {
  await deps.db.transaction().execute((trx) => appendAudit(trx, { actor, action: 'read', entity, entityId: id, details: { format } }, deps.now()));
}

/** The programme with goals, indicators, costing and budget as XLSX. */
export async function programmeXlsx(deps: Deps, actor: RequestActor, id: string): Promise<{ filename: string; buffer: Buffer }> {
  const p = await getProgramme(deps, actor, id);
  const buffer = await toXlsx(p.title, programmeSheets(p));
  await audited(deps, actor, 'community_programme', id, 'xlsx');
  return { filename: `programme-${p.fromYear}-${todayInKyiv(deps.now())}.xlsx`, buffer };
}

/** The same sheets as one CSV (UTF-8 with BOM, a first column naming the sheet). */
export async function programmeCsv(deps: Deps, actor: RequestActor, id: string): Promise<{ filename: string; body: string }> {
  const p = await getProgramme(deps, actor, id);
  await audited(deps, actor, 'community_programme', id, 'csv');
  return { filename: `programme-${p.fromYear}-${todayInKyiv(deps.now())}.csv`, body: toCsv(programmeSheets(p)) };
}

/** The oblast costed implementation plan as XLSX. */
export async function oblastPlanXlsx(deps: Deps, actor: RequestActor, id: string): Promise<{ filename: string; buffer: Buffer }> {
  const p = await getOblastPlan(deps, actor, id);
  const buffer = await toXlsx(p.title, oblastSheets(p));
  await audited(deps, actor, 'oblast_plan', id, 'xlsx');
  return { filename: `oblast-plan-${p.fromYear}-${todayInKyiv(deps.now())}.xlsx`, buffer };
}
