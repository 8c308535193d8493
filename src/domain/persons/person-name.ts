/** A person's name as stored: surname, given name and optional patronymic, in Ukrainian. */
export type PersonName = { surname: string; givenName: string; patronymic?: string | null };

/** Trim and collapse inner whitespace. */
function tidy(part: string | null | undefined): string {
  return (part ?? '').replace(/\s+/gu, ' ').trim();
}

/** Initial of a (possibly hyphenated) name part: "Олексій" → "О.", "Анна-Марія" → "А.-М.". */
function initialOf(part: string): string {
  return part
    .split('-')
    .filter((piece) => piece.length > 0)
    .map((piece) => `${Array.from(piece)[0]?.toUpperCase() ?? ''}.`)
    .join('-');
}

/** Full name in Ukrainian order: "Шевченко Олексій Петрович" (missing parts are skipped). */
export function formatFullName(name: PersonName): string {
  return [tidy(name.surname), tidy(name.givenName), tidy(name.patronymic)].filter((p) => p.length > 0).join(' ');
}

/** Surname with initials: "Шевченко О. П." (no patronymic: "Шевченко О."). */
export function formatShortName(name: PersonName): string {
  const initials = [tidy(name.givenName), tidy(name.patronymic)].filter((p) => p.length > 0).map(initialOf);
  return [tidy(name.surname), ...initials].filter((p) => p.length > 0).join(' ');
}

const ukrainianCollator = new Intl.Collator('uk', { sensitivity: 'variant', numeric: true });

/** Comparator in Ukrainian alphabetical order (… Г Ґ Д … И І Ї Й …), for sorting names in memory. */
export function compareUkrainian(a: string, b: string): number {
  return ukrainianCollator.compare(a, b);
}
