import type { DeadlineRule } from '#domain/deadlines/deadline-rules.ts';
import { formatFullName } from '#domain/persons/person-name.ts';
import type { Tx } from '../../lib/context.ts';
import { listCaseMembers, refreshNextDueDate } from './cases.repository.ts';

/** A user's full name from the joined columns (empty parts allowed). */
export function fullName(surname: string | null, givenName: string | null, patronymic: string | null): string {
  return formatFullName({ surname: surname ?? '', givenName: givenName ?? '', patronymic: patronymic ?? '' });
}

/** Children of a case with their names, in the order they joined it. */
export async function listCaseChildren(db: Tx, caseId: string): Promise<Array<{ personId: string; name: string }>> {
  const members = await listCaseMembers(db, [caseId]);
  return members.filter((m) => m.role === 'child').map((m) => ({ personId: m.personId, name: `${m.surname} ${m.given_name}` }));
}

/** The plan version agreed with the family that is in force, with its goals (by stable key), or null. */
export async function findAgreedPlan(db: Tx, caseId: string): Promise<{ id: string; versionNo: number; goals: Array<{ key: string; domain: string; text: string }> } | null> {
  const plan = await db.selectFrom('case_plans').select(['id', 'version_no']).where('case_id', '=', caseId).where('status', '=', 'agreed').executeTakeFirst();
  if (!plan) return null;
  const goals = await db.selectFrom('plan_goals').select(['key', 'domain', 'goal']).where('plan_id', '=', plan.id).orderBy('position').execute();
  return { id: plan.id, versionNo: plan.version_no, goals: goals.map((g) => ({ key: g.key, domain: g.domain, text: g.goal })) };
}

/** Goals of any plan version of the case by key (a judgement keeps showing the goal's text after a revision). */
export async function goalTextsOf(db: Tx, planIds: string[]): Promise<Map<string, { domain: string; text: string }>> {
  if (planIds.length === 0) return new Map();
  const rows = await db.selectFrom('plan_goals').select(['plan_id', 'key', 'domain', 'goal']).where('plan_id', 'in', planIds).execute();
  return new Map(rows.map((r) => [`${r.plan_id}:${r.key}`, { domain: r.domain, text: r.goal }]));
}

/** Serialises changes of one case's lifecycle records (a unique index would otherwise answer a race with a 500). */
export async function lockCaseRow(db: Tx, caseId: string): Promise<void> {
  await db.selectFrom('cases').select('id').where('id', '=', caseId).forUpdate().execute();
}

/**
 * Marks the open deadlines of `key` met on `metOn` and, when `next` is given, adds the next one with its source;
 * then refreshes the worklist's sort key.
 */
export async function replaceOpenDeadline(db: Tx, caseId: string, key: string, metOn: string, next: { dueDate: string; rule: DeadlineRule } | null): Promise<void> {
  await db.updateTable('case_deadlines').set({ met_on: metOn }).where('case_id', '=', caseId).where('key', '=', key).where('met_on', 'is', null).execute();
  if (next) await db.insertInto('case_deadlines').values({ case_id: caseId, key, due_date: next.dueDate, source_uk: next.rule.sourceUk, source_en: next.rule.sourceEn }).execute();
  await refreshNextDueDate(db, caseId);
}

/** Whether the case has an open deadline of `key`. */
export async function hasOpenDeadline(db: Tx, caseId: string, key: string): Promise<boolean> {
  return !!(await db.selectFrom('case_deadlines').select('id').where('case_id', '=', caseId).where('key', '=', key).where('met_on', 'is', null).executeTakeFirst());
}

/** Whether any child of the case currently lives in an arrangement of one of `careTypes` (an open care episode). */
export async function anyChildInCare(db: Tx, childIds: string[], careTypes: readonly string[]): Promise<boolean> {
  if (childIds.length === 0 || careTypes.length === 0) return false;
  const row = await db.selectFrom('care_episodes').select('id').where('person_id', 'in', childIds).where('end_date', 'is', null).where('care_type', 'in', [...careTypes]).executeTakeFirst();
  return !!row;
}
