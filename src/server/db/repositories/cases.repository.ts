import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { CaseScope } from '#domain/access/case-policy.ts';
import type { CaseEventKind } from '#domain/cases/case-events.ts';
import type { Tx } from '../../lib/context.ts';
import type { Database } from '../schema.ts';
import { currentMembershipSql } from './case-team.repository.ts';

/**
 * The SQL form of `caseScopeOf` (domain/access/case-policy.ts): assigned case manager, their supervisor,
 * the Child Affairs Service of the hromada, and a current member of the case's team on `today` (SPEC §2.16; the
 * relation `team_member` of `relationToCase`). Lists and single reads both go through it.
 */
export function caseVisibleTo(scope: CaseScope, today?: string) {
  return (eb: ExpressionBuilder<Database, 'cases'>) => {
    const ors = [eb('cases.case_manager_id', '=', scope.userId)];
    if (scope.isSupervisor) ors.push(eb('cases.case_manager_id', 'in', eb.selectFrom('users').select('users.id').where('users.supervisor_id', '=', scope.userId)));
    if (scope.childAffairsHromadaIds.length > 0) ors.push(eb('cases.hromada_id', 'in', scope.childAffairsHromadaIds));
    // Break-the-glass emergency access, still open at the time of the request (SPEC §11).
    if (scope.emergencyCaseIds.length > 0) ors.push(eb('cases.id', 'in', scope.emergencyCaseIds));
    ors.push(
      eb.exists(
        eb
          .selectFrom('case_team_members as t')
          .select(sql<number>`1`.as('one'))
          .whereRef('t.case_id', '=', 'cases.id')
          .where('t.user_id', '=', scope.userId)
          .where(currentMembershipSql('t', today)),
      ),
    );
    return eb.or(ors);
  };
}

/** A case row with the facts the access policy needs, including the users on its team on `today`. */
export async function findCaseWithAccessFacts(db: Tx, id: string, today?: string) {
  return db
    .selectFrom('cases')
    .innerJoin('users as cm', 'cm.id', 'cases.case_manager_id')
    .innerJoin('territories as h', 'h.id', 'cases.hromada_id')
    .innerJoin('organisations as o', 'o.id', 'cases.organisation_id')
    .selectAll('cases')
    .select(['cm.supervisor_id as caseManagerSupervisorId', 'cm.surname as cmSurname', 'cm.given_name as cmGivenName', 'cm.patronymic as cmPatronymic', 'h.name_uk as hromadaName', 'o.name_uk as organisationName'])
    .select(
      sql<string[]>`coalesce((SELECT array_agg(t.user_id::text ORDER BY t.user_id) FROM case_team_members t WHERE t.case_id = cases.id AND t.user_id IS NOT NULL AND ${currentMembershipSql('t', today)}), '{}'::text[])`.as('teamUserIds'),
    )
    .where('cases.id', '=', id)
    .executeTakeFirst();
}

/** One worklist row before presentation. */
export type WorklistRow = Awaited<ReturnType<typeof listVisibleCases>>[number];

/** Worklist order: next_due_date ASC NULLS LAST, id ASC (the order of the worklist indexes). */
const worklistOrder = sql`ORDER BY c.next_due_date ASC NULLS LAST, c.id`;

/**
 * Cases in the scope, ordered by next deadline (overdue first), keyset-paginated on (next_due_date, id), with what a
 * worklist row shows (hromada, case manager, members for the title, the earliest open deadline) — one statement.
 *
 * The scope of `caseVisibleTo` is resolved into its branches inside the statement (the user's own cases, the
 * supervisor's case managers, the Child Affairs Service's hromadas, the cases of the user's current team memberships
 * and emergency accesses), each a plain equality on an indexed column. Each branch is read on its own, in index order,
 * from the cursor on and at most one page long (`cases_manager_worklist_idx` per case manager,
 * `cases_hromada_worklist_idx` per hromada of a Child Affairs Service), and the page is the first rows of their union:
 * a Child Affairs Service of a city reads one page, not every open case of the city sorted (docs/performance.md).
 */
export async function listVisibleCases(db: Tx, scope: CaseScope, opts: { status: string; limit: number; after: { due: string | null; id: string } | null; today?: string }) {
  const n = opts.limit + 1;
  // The rows after the cursor in index order: (due, id) above the cursor's, then the rows without a due date.
  const after = (filter: RawBuilder<unknown>) => {
    const cols = sql`c.id, c.next_due_date`;
    if (!opts.after) return sql`(SELECT ${cols} FROM cases c WHERE ${filter} AND c.status = ${opts.status} ${worklistOrder} LIMIT ${n})`;
    const { due, id } = opts.after;
    const nulls = sql`(SELECT ${cols} FROM cases c WHERE ${filter} AND c.status = ${opts.status} AND c.next_due_date IS NULL AND c.id > ${id} ORDER BY c.id LIMIT ${n})`;
    if (due === null) return nulls;
    return sql`(SELECT ${cols} FROM cases c WHERE ${filter} AND c.status = ${opts.status} AND (c.next_due_date, c.id) > (${due}::date, ${id}::uuid) ${worklistOrder} LIMIT ${n}) UNION ALL (SELECT ${cols} FROM cases c WHERE ${filter} AND c.status = ${opts.status} AND c.next_due_date IS NULL ${worklistOrder} LIMIT ${n})`;
  };
  const supervisees = scope.isSupervisor ? sql`ARRAY(SELECT s.id FROM users s WHERE s.supervisor_id = ${scope.userId})` : sql`'{}'::uuid[]`;
  const teamCases = sql`(ARRAY(SELECT t.case_id FROM case_team_members t WHERE t.user_id = ${scope.userId} AND ${currentMembershipSql('t', opts.today)}) || ${scope.emergencyCaseIds}::uuid[])`;
  const branches: RawBuilder<unknown>[] = [
    sql`SELECT x.id, x.next_due_date FROM unnest(ARRAY[${scope.userId}::uuid] || ${supervisees}) AS u(id) CROSS JOIN LATERAL (${after(sql`c.case_manager_id = u.id`)}) x`,
    sql`SELECT x.id, x.next_due_date FROM (${after(sql`c.id = ANY(${teamCases})`)}) x`,
  ];
  if (scope.childAffairsHromadaIds.length > 0) branches.push(sql`SELECT x.id, x.next_due_date FROM unnest(${scope.childAffairsHromadaIds}::uuid[]) AS u(id) CROSS JOIN LATERAL (${after(sql`c.hromada_id = u.id`)}) x`);
  const result = await sql<{
    id: string;
    number: string;
    case_type: string;
    step: string;
    status: string;
    complexity: string | null;
    urgent: boolean;
    next_due_date: string | null;
    hromadaName: string;
    cmSurname: string;
    cmGivenName: string;
    cmPatronymic: string | null;
    members: Array<{ role: string; surname: string; given_name: string }>;
    nextDeadline: { key: string; due_date: string; source_uk: string; source_en: string; met_on: string | null } | null;
  }>`
    WITH page AS (
      SELECT DISTINCT c.id, c.next_due_date FROM (${sql.join(branches, sql` UNION ALL `)}) c
      ${worklistOrder} LIMIT ${n})
    SELECT c.id, c.number, c.case_type, c.step, c.status, c.complexity, c.urgent, c.next_due_date,
           h.name_uk AS "hromadaName", cm.surname AS "cmSurname", cm.given_name AS "cmGivenName", cm.patronymic AS "cmPatronymic",
           COALESCE((SELECT json_agg(json_build_object('role', m.role, 'surname', p.surname, 'given_name', p.given_name) ORDER BY m.created_at)
                       FROM case_members m JOIN persons p ON p.id = m.person_id WHERE m.case_id = c.id), '[]'::json) AS members,
           (SELECT json_build_object('key', d.key, 'due_date', d.due_date, 'source_uk', d.source_uk, 'source_en', d.source_en, 'met_on', d.met_on)
              FROM case_deadlines d WHERE d.case_id = c.id AND d.met_on IS NULL ORDER BY d.due_date LIMIT 1) AS "nextDeadline"
      FROM page JOIN cases c ON c.id = page.id
      JOIN users cm ON cm.id = c.case_manager_id
      JOIN territories h ON h.id = c.hromada_id
     ${worklistOrder}`.execute(db);
  return result.rows;
}

/** Members of cases with their person data, for titles and the case page. */
export async function listCaseMembers(db: Tx, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('case_members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['m.case_id', 'm.role', 'm.relationship', 'p.id as personId', 'p.surname', 'p.given_name', 'p.patronymic', 'p.birth_date', 'p.sex', 'p.disability', 'p.latin_name'])
    .where('m.case_id', 'in', caseIds)
    .orderBy('m.created_at')
    .execute();
}

/** Open deadlines of cases, earliest first. */
export async function listCaseDeadlines(db: Tx, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db.selectFrom('case_deadlines').selectAll().where('case_id', 'in', caseIds).orderBy('due_date').execute();
}

/** Recomputes the worklist sort key: the earliest deadline not yet met. */
export async function refreshNextDueDate(db: Tx, caseId: string): Promise<void> {
  await sql`UPDATE cases SET next_due_date = (SELECT min(due_date) FROM case_deadlines WHERE case_id = ${caseId} AND met_on IS NULL) WHERE id = ${caseId}`.execute(db);
}

/** Adds an event to the case timeline. */
export async function addCaseEvent(db: Tx, e: { caseId: string; actorId: string | null; kind: CaseEventKind; data?: Record<string, unknown>; at: Date }): Promise<void> {
  await db.insertInto('case_events').values({ case_id: e.caseId, actor_id: e.actorId, kind: e.kind, data: JSON.stringify(e.data ?? {}), at: e.at }).execute();
}

/**
 * Records a repeated event (autosaved drafts) without flooding the timeline: when the newest event of the case is
 * the same kind by the same person within `windowMinutes`, it is moved to now and its `count` goes up.
 */
export async function addOrCoalesceCaseEvent(db: Tx, e: { caseId: string; actorId: string; kind: CaseEventKind; at: Date }, windowMinutes = 60): Promise<void> {
  const since = new Date(e.at.getTime() - windowMinutes * 60_000);
  const last = await db
    .selectFrom('case_events')
    .select(['id', 'at', 'data'])
    .where('case_id', '=', e.caseId)
    .where('kind', '=', e.kind)
    .where('actor_id', '=', e.actorId)
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .executeTakeFirst();
  const interrupted = last
    ? await db.selectFrom('case_events').select('id').where('case_id', '=', e.caseId).where('kind', '<>', e.kind).where('at', '>', last.at).executeTakeFirst()
    : undefined;
  if (last && !interrupted) {
    const count = Number((last.data as { count?: number }).count ?? 1) + 1;
    await db.updateTable('case_events').set({ at: e.at, data: JSON.stringify({ ...last.data, count }) }).where('id', '=', last.id).execute();
    return;
  }
  await addCaseEvent(db, { caseId: e.caseId, actorId: e.actorId, kind: e.kind, data: { count: 1 }, at: e.at });
}
