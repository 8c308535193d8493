import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { DashboardMap, DashboardTile, DashboardView } from '#contracts/dashboards.contract.ts';
import type { IndicatorCell, IndicatorDefinitionView, IndicatorTable } from '#contracts/indicators.contract.ts';
import { dhis2Period, lastCompleteQuarter, parseQuarter, previousQuarter, quarterOfDate, type Quarter } from '#domain/dhis2/data-value-sets.ts';
import { DomainError } from '#domain/errors.ts';
import { dataTable, formatDateUk, formHeading, renderPdf, sectionHeading, fieldTable, type PrintableDocument } from '../documents/pdf.ts';
import { todayInKyiv, type Deps, type RequestActor } from '../lib/context.ts';
import { appendAudit } from './audit.service.ts';
import { getIndicatorTable, listIndicatorCatalogue } from './indicators.service.ts';

/**
 * Dashboards of SPEC §10.4 for the country, an oblast, a rayon or a hromada: key indicator tiles against the previous
 * quarter, the schematic map of child units, and the quarterly council report (PDF). Every figure comes from the
 * indicator engine (`indicators.service.ts`), so its access rules (403 outside the actor's scope) and small-cell
 * suppression apply unchanged; nothing here reads a person.
 */

/** The key indicators on a dashboard and in the council report, in this order (those the catalogue has). */
export const keyIndicatorCodes = ['SG4.3', 'SG2.1', 'SG4.4', 'SG1.9', 'SG2.4', 'SG4.1', 'SG4.2', 'SG5.1'] as const;

type Place = DashboardView['territory'];

async function pathOf(deps: Deps, territoryId: string | undefined): Promise<Place[]> {
  const national: Place = { id: null, level: 'national', nameUk: 'Україна', nameEn: 'Ukraine' };
  if (!territoryId) return [national];
  const chain: Place[] = [];
  let id: string | null = territoryId;
  for (let guard = 0; id && guard < 5; guard++) {
    const row = await deps.db.selectFrom('territories').select(['id', 'parent_id', 'level', 'name_uk', 'name_en']).where('id', '=', id).executeTakeFirst();
    if (!row) break;
    if (row.level === 'starostat') throw new DomainError('not_found', 'Dashboards go down to the hromada');
    chain.unshift({ id: row.id, level: row.level as Place['level'], nameUk: row.name_uk, nameEn: row.name_en });
    id = row.parent_id;
  }
  if (chain.length === 0) throw new DomainError('not_found', 'No such territory');
  return [national, ...chain];
}

function quarterOf(period: string | undefined, today: string): Quarter {
  if (!period) return lastCompleteQuarter(today);
  const q = parseQuarter(period);
  if (!q) throw new DomainError('validation_failed', 'period must look like 2026Q3', { errors: [{ path: 'period', message: 'yyyyQn' }] });
  return q;
}

/** The last `n` quarters up to and including `q`, newest first. */
export function recentQuarters(q: Quarter, n: number): Quarter[] {
  const out: Quarter[] = [q];
  while (out.length < n) out.push(previousQuarter(out[out.length - 1] as Quarter));
  return out;
}

async function keyIndicators(deps: Deps, actor: RequestActor): Promise<IndicatorDefinitionView[]> {
  const { items } = await listIndicatorCatalogue(deps, actor);
  const byCode = new Map(items.map((i) => [i.code, i]));
  const chosen = keyIndicatorCodes.map((c) => byCode.get(c)).filter((i): i is IndicatorDefinitionView => i !== undefined);
  return chosen.length > 0 ? chosen : items.filter((i) => i.source === 'computed').slice(0, 6);
}

async function tilesFor(deps: Deps, actor: RequestActor, territoryId: string | undefined, q: Quarter, publish: 'true' | 'false'): Promise<{ tiles: DashboardTile[]; suppressionApplied: boolean }> {
  const indicators = await keyIndicators(deps, actor);
  const period = dhis2Period(q);
  const previous = dhis2Period(previousQuarter(q));
  let suppressionApplied = false;
  const tiles: DashboardTile[] = [];
  for (const ind of indicators) {
    const query = { ...(territoryId ? { territoryId } : {}), disaggregation: 'none' as const, publish };
    const now = await getIndicatorTable(deps, actor, ind.code, { ...query, period });
    const before = await getIndicatorTable(deps, actor, ind.code, { ...query, period: previous });
    suppressionApplied ||= now.suppressionApplied;
    tiles.push({ code: ind.code, nameUk: ind.nameUk, nameEn: ind.nameEn, unit: ind.unit, current: now.total.total, previous: before.total.total });
  }
  return { tiles, suppressionApplied };
}

/** The dashboard of a territory for a quarter: where it sits, the key indicators now and a quarter before. */
export async function getDashboard(deps: Deps, actor: RequestActor, query: { territoryId?: string | undefined; period?: string | undefined }): Promise<DashboardView> {
  const today = todayInKyiv(deps.now());
  const q = quarterOf(query.period, today);
  const path = await pathOf(deps, query.territoryId);
  const { tiles, suppressionApplied } = await tilesFor(deps, actor, query.territoryId, q, 'false');
  const territory = path[path.length - 1] as Place;
  return {
    territory,
    path,
    period: dhis2Period(q),
    previousPeriod: dhis2Period(previousQuarter(q)),
    periods: [...new Set([...recentQuarters(quarterOfDate(today), 9).map(dhis2Period), dhis2Period(q)])].sort().reverse(),
    tiles,
    suppressionApplied,
  };
}

/**
 * The schematic map of a territory's child units coloured by one indicator: the oblasts of the country; the
 * hromadas of an oblast grouped by rayon (one engine table per rayon); the hromadas of a rayon; nothing below.
 */
export async function getDashboardMap(deps: Deps, actor: RequestActor, query: { territoryId?: string | undefined; period: string; code: string }): Promise<DashboardMap> {
  const path = await pathOf(deps, query.territoryId);
  const here = path[path.length - 1] as Place;
  const base = { period: query.period, disaggregation: 'none' as const, publish: 'false' as const };
  const table = await getIndicatorTable(deps, actor, query.code, { ...base, ...(query.territoryId ? { territoryId: query.territoryId } : {}) });
  const tileOf = (r: IndicatorTable['units'][number]) => ({ territoryId: r.territoryId ?? '', nameUk: r.nameUk, nameEn: r.nameEn, cell: r.total });
  const common = { code: query.code, unit: table.indicator.unit };
  if (here.level === 'national') {
    return { ...common, level: 'oblast', groups: [{ id: null, nameUk: here.nameUk, nameEn: here.nameEn, tiles: table.units.map(tileOf), restricted: false }], suppressionApplied: table.suppressionApplied };
  }
  if (here.level === 'rayon') {
    return { ...common, level: 'hromada', groups: [{ id: here.id, nameUk: here.nameUk, nameEn: here.nameEn, tiles: table.units.map(tileOf), restricted: false }], suppressionApplied: table.suppressionApplied };
  }
  if (here.level === 'hromada') return { ...common, level: 'none', groups: [], suppressionApplied: table.suppressionApplied };
  let suppressionApplied = table.suppressionApplied;
  const groups: DashboardMap['groups'] = [];
  for (const rayon of table.units) {
    if (!rayon.territoryId) continue;
    try {
      const sub = await getIndicatorTable(deps, actor, query.code, { ...base, territoryId: rayon.territoryId });
      suppressionApplied ||= sub.suppressionApplied;
      groups.push({ id: rayon.territoryId, nameUk: rayon.nameUk, nameEn: rayon.nameEn, tiles: sub.units.map(tileOf), restricted: false });
    } catch (err) {
      // A hromada's own staff compare with the oblast, but the hromadas of other rayons stay closed to them.
      if (!(err instanceof DomainError && err.code === 'forbidden')) throw err;
      groups.push({ id: rayon.territoryId, nameUk: rayon.nameUk, nameEn: rayon.nameEn, tiles: [], restricted: true });
    }
  }
  return { ...common, level: 'hromada', groups, suppressionApplied };
}

// ---- The quarterly council report (PDF) ----------------------------------------------------------------------

const unitUk: Record<IndicatorDefinitionView['unit'], string> = { count: 'осіб / од.', percent: '%', days: 'днів (медіана)' };
const levelOfUk: Record<Place['level'], string> = { national: 'Україна', oblast: 'область', rayon: 'район', hromada: 'територіальна громада' };

/** A figure as printed: "<5" when suppressed, a dash when there is none, Ukrainian decimals. */
export function figureUk(cell: IndicatorCell): string {
  if (cell.suppressed) return '<5';
  if (cell.value === null) return '—';
  return new Intl.NumberFormat('uk-UA', { maximumFractionDigits: 1 }).format(cell.value);
}

function changeUk(now: IndicatorCell, before: IndicatorCell): string {
  if (now.value === null || before.value === null || now.suppressed || before.suppressed) return '—';
  const d = now.value - before.value;
  const s = new Intl.NumberFormat('uk-UA', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(d);
  return s;
}

const sourceUk: Record<IndicatorCell['source'], string> = { computed: 'розраховано з облікових записів', entered: 'внесено (опитування, адміністративна звітність)', none: 'немає даних' };

/** The pdfmake body of the council report (pure: figures in, document out). */
export function councilReportDocument(input: { path: Place[]; quarter: Quarter; indicators: IndicatorDefinitionView[]; tiles: DashboardTile[]; generatedAt: Date }): PrintableDocument {
  const here = input.path[input.path.length - 1] as Place;
  const period = dhis2Period(input.quarter);
  const previous = dhis2Period(previousQuarter(input.quarter));
  const bounds = quarterRangeUk(input.quarter);
  const place = input.path.slice(1).map((p) => p.nameUk).join(', ') || 'Україна';
  const rows: TableCell[][] = input.tiles.map((t) => [
    { text: t.code, style: 'tableCell' },
    { text: t.nameUk, style: 'tableCell' },
    { text: unitUk[t.unit], style: 'tableCell' },
    { text: figureUk(t.current), style: 'tableCell', alignment: 'right' },
    { text: figureUk(t.previous), style: 'tableCell', alignment: 'right' },
    { text: changeUk(t.current, t.previous), style: 'tableCell', alignment: 'right' },
  ]);
  const notes: Content[] = input.indicators.map((ind) => {
    const tile = input.tiles.find((t) => t.code === ind.code);
    return { text: `${ind.code}. Чисельник: ${ind.numeratorUk}${ind.denominatorUk ? `; знаменник: ${ind.denominatorUk}` : ''}. Джерело: ${sourceUk[tile?.current.source ?? 'none']}.`, style: 'small', margin: [0, 0, 0, 3] };
  });
  return {
    title: `Квартальний звіт про показники реформи — ${place}, ${period}`,
    runningHead: `Квартальний звіт, ${place}, ${period}`,
    generatedAt: input.generatedAt,
    content: [
      ...formHeading('Національна стратегія забезпечення права кожної дитини на зростання в сімейному середовищі на 2024–2028 роки (додаток 6)', 'Квартальний звіт про показники для ради з питань реформи «Краща опіка»', [`${place} (${levelOfUk[here.level]})`, `${input.quarter.quarter} квартал ${input.quarter.year} року (${bounds})`]),
      fieldTable([
        ['Територія', place],
        ['Рівень', levelOfUk[here.level]],
        ['Звітний квартал', `${period} (${bounds})`],
        ['Порівняння з', `${previous} (${quarterRangeUk(previousQuarter(input.quarter))})`],
      ]),
      sectionHeading('1. Ключові показники'),
      dataTable([36, '*', 50, 50, 50, 46], ['Код', 'Показник', 'Одиниця', period, previous, 'Зміна'], rows),
      sectionHeading('2. Джерела і примітки'),
      ...notes,
      { text: 'Значення від 1 до 4 приховано («<5»), щоб не можна було впізнати дітей (звіт призначений для оприлюднення). Показники розраховано системою «Родина» з облікових записів випадків, історії влаштування дітей, реєстру закладів і сімейних форм виховання на останній день кварталу; показники опитувань і адміністративної звітності внесено уповноваженими працівниками з посиланням на джерело.', style: 'small', margin: [0, 6, 0, 0] },
    ],
  };
}

function quarterRangeUk(q: Quarter): string {
  const startMonth = (q.quarter - 1) * 3 + 1;
  const last = new Date(Date.UTC(q.year, startMonth + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatDateUk(`${q.year}-${pad(startMonth)}-01`)}–${formatDateUk(`${q.year}-${pad(startMonth + 2)}-${pad(last)}`)}`;
}

/** The quarterly council report of a territory as PDF, with published (suppressed) figures; recorded in the audit trail. */
export async function councilReportPdf(deps: Deps, actor: RequestActor, query: { territoryId?: string | undefined; period: string }): Promise<{ filename: string; pdf: Buffer }> {
  const q = quarterOf(query.period, todayInKyiv(deps.now()));
  const path = await pathOf(deps, query.territoryId);
  const indicators = await keyIndicators(deps, actor);
  const { tiles } = await tilesFor(deps, actor, query.territoryId, q, 'true');
  const pdf = await renderPdf(councilReportDocument({ path, quarter: q, indicators, tiles, generatedAt: deps.now() }));
  await deps.db.transaction().execute(async (trx) => {
    await appendAudit(trx, { actor, action: 'read', entity: 'council_report', entityId: query.territoryId ?? 'national', details: { period: dhis2Period(q) } }, deps.now());
  });
  return { filename: `kvartalnyi-zvit-${dhis2Period(q)}.pdf`, pdf };
}
