import { compareUkrainian, formatFullName, formatShortName, type PersonName } from '#domain/persons/person-name.ts';

export { compareUkrainian, formatFullName, formatShortName };

/** Sorts persons by surname, then given name, then patronymic, in Ukrainian alphabetical order (UX conventions). */
export function sortBySurname<T extends PersonName>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => compareUkrainian(a.surname, b.surname) || compareUkrainian(a.givenName, b.givenName) || compareUkrainian(a.patronymic ?? '', b.patronymic ?? ''),
  );
}
