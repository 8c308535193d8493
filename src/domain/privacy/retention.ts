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
