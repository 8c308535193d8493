import type { CaseDetail } from './cases.api.ts';
import { formatFullName, sortBySurname } from '../persons/person-name.ts';

/** The children of the case (members in the role of child), in the order of the case. */
export function caseChildren<M extends { role: string }>(c: { members: readonly M[] }): M[] {
  return c.members.filter((m) => m.role === 'child');
}

/** The child's (or family's) name for the case header: the children, else everyone, in Ukrainian order. */
export function caseTitleOf(c: Pick<CaseDetail, 'members' | 'number'>): string {
  const children = sortBySurname(caseChildren(c));
  const people = children.length > 0 ? children : sortBySurname(c.members);
  if (people.length === 0) return c.number;
  return people.map((m) => formatFullName({ surname: m.surname, givenName: m.givenName })).join(', ');
}
