import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../lib/context.ts';

/**
 * SQL form of `isCurrentMembership` (domain/cases/case-team.ts) for the membership rows aliased `alias`: started on
 * or before `today` and not ended (a membership ended today gives no access today). Without `today` it is "not
 * ended", which is the same rule because the team service never dates a start or an end in the future.
 */
export function currentMembershipSql(alias: string, today?: string): RawBuilder<boolean> {
  const from = sql.ref(`${alias}.from_date`);
  const to = sql.ref(`${alias}.to_date`);
  if (today === undefined) return sql<boolean>`${to} IS NULL`;
  return sql<boolean>`(${from} <= ${today}::date AND (${to} IS NULL OR ${to} > ${today}::date))`;
}

/** The memberships of a case's team with the names of the users concerned: current first, then by start. */
export async function listTeamMembers(db: Tx, caseId: string) {
  return db
    .selectFrom('case_team_members as t')
    .selectAll('t')
    .where('t.case_id', '=', caseId)
    .orderBy(sql`t.to_date IS NULL`, 'desc')
    .orderBy('t.from_date')
    .orderBy('t.created_at')
    .execute();
}

/** One membership of a case, or undefined (also when it belongs to another case). */
export async function findTeamMember(db: Tx, caseId: string, memberId: string) {
  return db.selectFrom('case_team_members').selectAll().where('id', '=', memberId).where('case_id', '=', caseId).executeTakeFirst();
}
