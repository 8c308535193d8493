/**
 * Retention of closed records (SPEC §11): a person's personal data are kept while any of their cases is open or was
 * closed less than `yearsAfterClosure` years ago; after that they are anonymised — names, birth date (to the year),
 * contacts, addresses and free text replaced — while ids, coded facts and dates of the case stay, so that
 * indicators still count. No period is stated in the sources; Rodyna's default is 5 years (configurable).
 */
export const defaultRetentionYears = 5;

/** The marker that replaces free text. */
export const anonymisedText = '[знеособлено]';
/** The surname an anonymised person carries (given name and patronymic become empty). */
export const anonymisedSurname = 'Знеособлено';

/** Cases closed before this day (ISO date) are past retention on `today`: the same day `years` years earlier (29 February → 28 February). */
export function retentionCutoff(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The birth date kept after anonymisation: only the year (1 January of it). */
export function birthDateToYear(birthDate: string): string {
  return `${birthDate.slice(0, 4)}-01-01`;
}

/**
 * Strings of a JSON document that are kept by anonymisation because they are machine-readable, not words about a
 * person: the empty string, snake_case codes (`domestic_violence`, `issb_after_school_care`), uuids, ISO dates and
 * timestamps, and the marker itself (so a second run changes nothing).
 */
const keptString = /^(|[a-z][a-z0-9_]*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}(:?\d{2})?)?)?|\[знеособлено\])$/;
/** Fields whose value is an identifier or a code whatever it looks like (`personId`, `serviceCode`, `measureKey`). */
const keptField = /(^id|Id|^code|Code|^key|Key)$/;

/** True when a string of a document survives anonymisation (see `keptString`). */
export function isKeptDocumentString(value: string, field?: string): boolean {
  return keptString.test(value) || (field !== undefined && keptField.test(field));
}

/**
 * Anonymises a JSON document of a case past retention (needs-assessment act, review participants, results report,
 * quarterly report statuses, timeline data, panel options): every string that is free text — names, phones,
 * descriptions, views — becomes the marker; codes, ids, dates, numbers, booleans and the document's shape stay,
 * so the document still reads and indicators still count. Pure and idempotent: `f(f(x))` equals `f(x)`.
 */
export function anonymiseDocument(value: unknown, field?: string): unknown {
  if (typeof value === 'string') return isKeptDocumentString(value, field) ? value : anonymisedText;
  if (Array.isArray(value)) return value.map((v) => anonymiseDocument(v, field));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, anonymiseDocument(v, k)]));
  }
  return value;
}
