import { checkNewTeamMember, checkTeamMemberEnd, isCurrentMembership, type TeamRole } from '#domain/cases/case-team.ts';
import { DomainError } from '#domain/errors.ts';
import type { TeamMemberEndRequest, TeamMemberRequest, TeamMemberView } from '#contracts/case-team.contract.ts';
import { mayOnCase } from '../lib/case-access.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { findTeamMember, listTeamMembers } from '../db/repositories/case-team.repository.ts';
import { addCaseEvent } from '../db/repositories/cases.repository.ts';
import { isoOf, userNamesById } from '../db/repositories/safety-tracing.repository.ts';
import { appendAudit } from './audit.service.ts';
import { loadCaseFor } from './cases.service.ts';
import { assertCurrentVersion, lostUpdate } from '../lib/versioning.ts';

type MemberRow = Awaited<ReturnType<typeof listTeamMembers>>[number];

async function present(trx: Tx, rows: MemberRow[], mayManage: boolean, today: string): Promise<TeamMemberView[]> {
  const names = await userNamesById(trx, rows.flatMap((r) => [r.added_by, ...(r.user_id ? [r.user_id] : []), ...(r.ended_by ? [r.ended_by] : [])]));
  const ref = (id: string) => ({ id, name: names.get(id) ?? '' });
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    version: r.version,
    user: r.user_id ? ref(r.user_id) : null,
    externalName: r.external_name,
    externalOrganisation: r.external_organisation,
    externalProfession: r.external_profession,
    teamRole: r.team_role as TeamRole,
    emergencyIntervention: r.emergency_intervention,
    fromDate: r.from_date,
    toDate: r.to_date,
    endReason: r.end_reason,
    current: isCurrentMembership({ fromDate: r.from_date, toDate: r.to_date }, today),
    addedBy: ref(r.added_by),
    endedBy: r.ended_by ? ref(r.ended_by) : null,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
    allowedActions: mayManage && r.to_date === null ? ['end' as const] : [],
  }));
}

/** Serialises team changes on one case, so that one user cannot be added twice at once. */
async function lockCase(trx: Tx, caseId: string): Promise<void> {
  await trx.selectFrom('cases').select('id').where('id', '=', caseId).forUpdate().execute();
}

/** The interdisciplinary team of a case (SPEC §2.16), current members first; read audited. */
export async function listTeam(deps: Deps, actor: RequestActor, caseId: string): Promise<{ items: TeamMemberView[]; allowedActions: Array<'add'> }> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view', today);
    const rows = await listTeamMembers(trx, caseId);
    const mayManage = mayOnCase(actor, 'case.manage_team', caseRow);
    await appendAudit(trx, { actor, action: 'list', entity: 'case_team_member', entityId: '', details: { caseId, ids: rows.map((r) => r.id) } }, now);
    return { items: await present(trx, rows, mayManage, today), allowedActions: mayManage ? ['add'] : [] };
  });
}

/**
 * Adds a member to the team: a user of the system — who from then on sees the case and may contribute to it, whatever
 * their organisation or hromada — or a person without an account. Only the case manager and the supervisor manage the team.
 */
export async function addTeamMember(deps: Deps, actor: RequestActor, caseId: string, input: TeamMemberRequest): Promise<TeamMemberView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.manage_team', today);
    const fromDate = input.fromDate ?? today;
    checkNewTeamMember({ ...input, fromDate }, today);
    await lockCase(trx, caseId);
    if (input.userId !== null) {
      const user = await trx.selectFrom('users').select('id').where('id', '=', input.userId).where('is_active', '=', true).executeTakeFirst();
      if (!user) throw new DomainError('user_not_found', 'The user was not found', { userId: input.userId });
      const open = await trx.selectFrom('case_team_members').select('id').where('case_id', '=', caseId).where('user_id', '=', input.userId).where('to_date', 'is', null).executeTakeFirst();
      if (open) throw new DomainError('team_member_exists', 'This user is already on the team', { memberId: open.id });
    }
    const row = await trx
      .insertInto('case_team_members')
      .values({
        case_id: caseId,
        user_id: input.userId,
        external_name: input.externalName,
        external_organisation: input.externalOrganisation,
        external_profession: input.externalProfession,
        team_role: input.teamRole,
        emergency_intervention: input.emergencyIntervention,
        from_date: fromDate,
        added_by: actor.userId,
        hromada_id: caseRow.hromada_id,
        organisation_id: caseRow.organisation_id,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'team_member_added', data: { memberId: row.id, userId: input.userId, externalName: input.externalName, teamRole: input.teamRole, fromDate }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'case_team_member', entityId: row.id, details: { caseId, userId: input.userId, teamRole: input.teamRole } }, now);
    const [view] = await present(trx, [row], true, today);
    return view as TeamMemberView;
  });
}

/** Ends a membership (today unless an earlier day is given): a user member loses access to the case at once. */
export async function endTeamMember(deps: Deps, actor: RequestActor, caseId: string, memberId: string, input: TeamMemberEndRequest): Promise<TeamMemberView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    await loadCaseFor(trx, actor, caseId, 'case.manage_team', today);
    const row = await findTeamMember(trx, caseId, memberId);
    if (!row) throw new DomainError('not_found', 'Not found');
    assertCurrentVersion(row.version, input.version, 'membership');
    const toDate = input.toDate ?? today;
    checkTeamMemberEnd({ fromDate: row.from_date, toDate: row.to_date }, toDate, today);
    const updated = await trx
      .updateTable('case_team_members')
      .set({ to_date: toDate, end_reason: input.reason, ended_by: actor.userId, version: row.version + 1, updated_at: now })
      .where('id', '=', memberId)
      .where('version', '=', row.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw await lostUpdate(trx, 'case_team_members', memberId, 'membership');
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'team_member_ended', data: { memberId, userId: row.user_id, externalName: row.external_name, teamRole: row.team_role, toDate }, at: now });
    await appendAudit(trx, { actor, action: 'update', entity: 'case_team_member', entityId: memberId, details: { caseId, userId: row.user_id, toDate } }, now);
    const [view] = await present(trx, [updated], true, today);
    return view as TeamMemberView;
  });
}
