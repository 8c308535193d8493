import { DomainError } from '#domain/errors.ts';
import { formatFullName } from '#domain/persons/person-name.ts';
import type { Tx } from '../../lib/context.ts';

/** Queries shared by the safety-assessment, family-tracing and care-episode services. */

/** The role of a person in a case, or undefined when they are not a member. */
export async function findCaseMemberRole(db: Tx, caseId: string, personId: string): Promise<'child' | 'adult' | undefined> {
  const row = await db.selectFrom('case_members').select('role').where('case_id', '=', caseId).where('person_id', '=', personId).executeTakeFirst();
  return row ? (row.role as 'child' | 'adult') : undefined;
}

/**
 * Checks that a person is a child member of the case: acts, relatives and care episodes are about the case's
 * children, and a foreign person id would leak or corrupt another family's data.
 */
export async function requireCaseChild(db: Tx, caseId: string, personId: string): Promise<void> {
  const role = await findCaseMemberRole(db, caseId, personId);
  if (!role) throw new DomainError('person_not_in_case', 'The person is not a member of this case', { personId });
  if (role !== 'child') throw new DomainError('person_not_child', 'The person is not a child of this case', { personId });
}

/** Ids of the child members of a case. */
export async function listCaseChildIds(db: Tx, caseId: string): Promise<string[]> {
  const rows = await db.selectFrom('case_members').select('person_id').where('case_id', '=', caseId).where('role', '=', 'child').orderBy('created_at').execute();
  return rows.map((r) => r.person_id);
}

/** Full names of users by id, for presenting authors of records. */
export async function userNamesById(db: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'surname', 'given_name', 'patronymic']).where('id', 'in', unique).execute();
  return new Map(rows.map((u) => [u.id, formatFullName({ surname: u.surname, givenName: u.given_name, patronymic: u.patronymic })]));
}

/** A person as named on records of these resources. */
export type PersonRef = { personId: string; surname: string; givenName: string; patronymic: string; birthDate: string; sex: 'female' | 'male' };

/** Persons by id, for presenting who a record is about. */
export async function personRefsById(db: Tx, ids: readonly string[]): Promise<Map<string, PersonRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('persons').select(['id', 'surname', 'given_name', 'patronymic', 'birth_date', 'sex']).where('id', 'in', unique).execute();
  return new Map(rows.map((p) => [p.id, { personId: p.id, surname: p.surname, givenName: p.given_name, patronymic: p.patronymic, birthDate: p.birth_date, sex: p.sex as 'female' | 'male' }]));
}

/** An ISO string for a timestamp as either driver returns it. */
export function isoOf(value: Date | string): string {
  return new Date(value).toISOString();
}
