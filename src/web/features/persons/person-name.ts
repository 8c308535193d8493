/**
 * Name display for the web app. Delegates to the domain helpers once they exist;
 * until then this mirrors them: surname first, Ukrainian alphabetical order (є, і, ї, ґ in their places).
 */
type NameParts = { surname: string; givenName: string; patronymic?: string | null };

const collator = new Intl.Collator('uk', { sensitivity: 'base' });

/** «Прізвище Ім’я По батькові». */
export function formatFullName(p: NameParts): string {
  return [p.surname, p.givenName, p.patronymic ?? ''].map((s) => s.trim()).filter(Boolean).join(' ');
}

/** Compares two strings in Ukrainian alphabetical order. */
export function compareUkrainian(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Sorts persons by surname, then given name, then patronymic, in Ukrainian order. */
export function sortBySurname<T extends NameParts>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => compareUkrainian(a.surname, b.surname) || compareUkrainian(a.givenName, b.givenName) || compareUkrainian(a.patronymic ?? '', b.patronymic ?? ''),
  );
}
