import ExcelJS from 'exceljs';
import type { IndicatorCell, IndicatorTable, IndicatorTableQuery } from '#contracts/indicators.contract.ts';
import type { Dimension } from '#domain/indicators/dimensions.ts';
import { SUPPRESSED_LABEL } from '#domain/indicators/suppression.ts';
import type { Deps, RequestActor } from '../lib/context.ts';
import { appendAudit } from './audit.service.ts';
import { getIndicatorTable } from './indicators.service.ts';

/**
 * Exports of an indicator table (SPEC §10.4): CSV and XLSX with the same rows as the screen — the territory, then
 * its child units; the total and one column per disaggregation value. The table comes from the indicator engine
 * with the reader's access and suppression applied (cells 1–4 are "<5" for anyone outside the territory's own staff).
 */

/** Interface language of an export. */
export type ExportLocale = 'uk' | 'en';

/** What a suppressed small cell prints as. */
export const suppressedText = SUPPRESSED_LABEL;

const headings: Record<ExportLocale, { territory: string; level: string; total: string; indicator: string; period: string; suppressed: string; source: string }> = {
  uk: { territory: 'Територія', level: 'Рівень', total: 'Усього', indicator: 'Показник', period: 'Період', suppressed: 'Клітинки зі значенням від 1 до 4 приховано («<5»), щоб не розкрити дітей.', source: 'Джерело: Родина, розраховано з облікових записів' },
  en: { territory: 'Territory', level: 'Level', total: 'Total', indicator: 'Indicator', period: 'Period', suppressed: 'Cells from 1 to 4 are suppressed ("<5") so that no child can be identified.', source: 'Source: Rodyna, computed from records' },
};

const levelLabels: Record<ExportLocale, Record<string, string>> = {
  uk: { national: 'Україна', oblast: 'область', rayon: 'район', hromada: 'громада' },
  en: { national: 'Ukraine', oblast: 'oblast', rayon: 'raion', hromada: 'hromada' },
};

/** Labels of disaggregation values in both languages (keys of `dimensionValues`). */
export const dimensionValueLabels: Record<ExportLocale, Record<Dimension, Record<string, string>>> = {
  uk: {
    age: { '0_1': 'до 1 року', '1_2': '1–2 роки', '3_5': '3–5 років', '6_10': '6–10 років', '11_14': '11–14 років', '15_17': '15–17 років', unknown: 'вік невідомий' },
    sex: { female: 'дівчата', male: 'хлопці' },
    disability: { yes: 'з інвалідністю', no: 'без інвалідності' },
    displacement: { none: 'не переміщені', idp: 'ВПО (в Україні)', abroad: 'за кордоном' },
    legal_status: { none: 'інший статус', orphan: 'діти-сироти', deprived_of_care: 'позбавлені батьківського піклування' },
    settlement: { urban: 'міські громади', settlement: 'селищні громади', rural: 'сільські громади', unknown: 'тип невідомий' },
    care_type: { own_family: 'власна сім’я', kinship: 'родичі', guardianship: 'опіка, піклування', foster_family: 'прийомна сім’я', family_type_home: 'ДБСТ', patronage: 'патронат', institution: 'заклад', supported_independent_living: 'соціальне житло з супроводом', adoption: 'усиновлення', none: 'немає даних' },
    institution_type: { baby_home: 'будинок дитини', children_home: 'дитячий будинок', boarding_school: 'школа-інтернат', special_boarding_school: 'спеціальна школа', rehabilitation_centre: 'навчально-реабілітаційний центр', social_care_home: 'будинок-інтернат', shelter: 'притулок', other: 'інший заклад' },
    ownership: { state: 'державна', communal: 'комунальна', private: 'приватна' },
    subordination: { social_policy: 'соціальна політика', health: 'охорона здоров’я', education: 'освіта', private: 'приватні' },
  },
  en: {
    age: { '0_1': 'under 1', '1_2': '1–2', '3_5': '3–5', '6_10': '6–10', '11_14': '11–14', '15_17': '15–17', unknown: 'age unknown' },
    sex: { female: 'girls', male: 'boys' },
    disability: { yes: 'with disability', no: 'without disability' },
    displacement: { none: 'not displaced', idp: 'IDP (in Ukraine)', abroad: 'abroad' },
    legal_status: { none: 'other status', orphan: 'orphans', deprived_of_care: 'deprived of parental care' },
    settlement: { urban: 'urban hromadas', settlement: 'settlement hromadas', rural: 'rural hromadas', unknown: 'kind unknown' },
    care_type: { own_family: 'own family', kinship: 'kinship care', guardianship: 'guardianship', foster_family: 'foster family', family_type_home: 'family-type home', patronage: 'patronage', institution: 'institution', supported_independent_living: 'supported independent living', adoption: 'adoption', none: 'no data' },
    institution_type: { baby_home: 'baby home', children_home: 'children’s home', boarding_school: 'boarding school', special_boarding_school: 'special school', rehabilitation_centre: 'rehabilitation centre', social_care_home: 'social care home', shelter: 'shelter', other: 'other' },
    ownership: { state: 'state', communal: 'communal', private: 'private' },
    subordination: { social_policy: 'social policy', health: 'health', education: 'education', private: 'private' },
  },
};

/** The label of a column key of a table disaggregated by `dimension`. */
export function columnLabel(locale: ExportLocale, dimension: string, key: string): string {
  const bare = key.includes(':') ? key.slice(key.indexOf(':') + 1) : key;
  return dimensionValueLabels[locale][dimension as Dimension]?.[bare] ?? bare;
}

/** A figure as it is shown and exported: a number, "<5" when suppressed, empty when there is no figure. */
export function cellOut(cell: IndicatorCell): number | string {
  if (cell.suppressed) return suppressedText;
  return cell.value ?? '';
}

/** The rows of the screen's table: a header, then the territory and its child units. */
export function indicatorTableGrid(table: IndicatorTable, locale: ExportLocale): { header: string[]; rows: Array<Array<string | number>> } {
  const h = headings[locale];
  const header = [h.territory, h.level, h.total, ...table.columns.map((c) => columnLabel(locale, table.disaggregation, c))];
  const name = (r: IndicatorTable['total']) => (locale === 'uk' ? r.nameUk : r.nameEn);
  const rowOf = (r: IndicatorTable['total']) => [name(r), levelLabels[locale][r.level] ?? r.level, cellOut(r.total), ...r.cells.map(cellOut)];
  return { header, rows: [rowOf(table.total), ...table.units.map(rowOf)] };
}

function csvField(v: string | number): string {
  const s = typeof v === 'number' ? String(v) : v;
  // Spreadsheet formula injection: a text cell starting with = + - @ is prefixed so it stays text.
  const safe = typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV for spreadsheets set to Ukrainian: `;` separated, UTF-8 with BOM, CRLF lines. */
export function tableCsv(table: IndicatorTable, locale: ExportLocale): string {
  const { header, rows } = indicatorTableGrid(table, locale);
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvField).join(';')).join('\r\n') + '\r\n';
}

/** XLSX workbook: one sheet with a title block, the table (numbers as numbers, "<5" as text) and the suppression note. */
export async function tableXlsx(table: IndicatorTable, locale: ExportLocale): Promise<Buffer> {
  const h = headings[locale];
  const { header, rows } = indicatorTableGrid(table, locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rodyna';
  wb.created = new Date(table.generatedAt);
  const ws = wb.addWorksheet(table.indicator.code.replace(/[^A-Za-z0-9._-]/g, '_'));
  ws.addRow([h.indicator, `${table.indicator.code} ${locale === 'uk' ? table.indicator.nameUk : table.indicator.nameEn}`]);
  ws.addRow([h.period, table.period]);
  ws.addRow([]);
  const headerRow = ws.addRow(header);
  headerRow.font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.addRow([]);
  if (table.suppressionApplied) ws.addRow([h.suppressed]);
  ws.addRow([h.source]);
  ws.getColumn(1).width = 48;
  for (let i = 2; i <= header.length; i++) ws.getColumn(i).width = 14;
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Row number (1-based) of the header in the XLSX sheet (the rows of the table follow it). */
export const xlsxHeaderRow = 4;

/** The MIME types of the exports. */
export const exportTypes = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** A rendered export. */
export type RenderedExport = { filename: string; contentType: string; body: Buffer | string };

/** The indicator table for the reader (access and suppression by the engine) as CSV or XLSX; the export is recorded in the audit trail. */
export async function exportIndicatorTable(deps: Deps, actor: RequestActor, code: string, query: IndicatorTableQuery, format: 'csv' | 'xlsx', locale: ExportLocale): Promise<RenderedExport> {
  const table = await getIndicatorTable(deps, actor, code, query);
  const body = format === 'csv' ? tableCsv(table, locale) : await tableXlsx(table, locale);
  await deps.db.transaction().execute(async (trx) => {
    await appendAudit(trx, { actor, action: 'read', entity: 'indicator_export', entityId: code, details: { format, territoryId: query.territoryId ?? null, period: query.period, disaggregation: query.disaggregation, suppressed: table.suppressionApplied } }, deps.now());
  });
  const stem = `${code}-${table.period}-${query.disaggregation}`.replace(/[^A-Za-z0-9._-]+/g, '-');
  return { filename: `rodyna-${stem}.${format}`, contentType: exportTypes[format], body };
}
