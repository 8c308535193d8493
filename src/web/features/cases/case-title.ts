import type { CaseDetail } from './cases.api.ts';
import { formatFullName, sortBySurname } from '../persons/person-name.ts';

/** The child's (or family's) name for the case header: the children, else everyone, in Ukrainian order. */
export function caseTitleOf(c: Pick<CaseDetail, 'members' | 'number'>): string {
  const children = sortBySurname(c.members.filter((m) => m.role === 'child'));
  const people = children.length > 0 ? children : sortBySurname(c.members);
  if (people.length === 0) return c.number;
  return people.map((m) => formatFullName({ surname: m.surname, givenName: m.givenName })).join(', ');
}
