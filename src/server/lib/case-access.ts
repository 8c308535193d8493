import { canOnCase, type CaseAccessFacts, type CaseAction, type CaseTeamAction } from '#domain/access/case-policy.ts';
import type { RequestActor } from './context.ts';

/** The columns of a loaded case that the access policy reads. */
export type CaseAccessRow = { id?: string; hromada_id: string; organisation_id: string; case_manager_id: string; caseManagerSupervisorId: string | null; status: string; teamUserIds?: readonly string[] };

/** The policy facts of a loaded case row. */
export function caseAccessFacts(row: CaseAccessRow): CaseAccessFacts {
  return { caseId: row.id, hromadaId: row.hromada_id, organisationId: row.organisation_id, caseManagerId: row.case_manager_id, caseManagerSupervisorId: row.caseManagerSupervisorId, status: row.status === 'closed' ? 'closed' : 'open', teamMemberIds: row.teamUserIds ?? [] };
}

/** Whether the actor may perform the action on a case already loaded (for the `allowedActions` of its parts). */
export function mayOnCase(actor: RequestActor, action: CaseAction | CaseTeamAction, row: CaseAccessRow): boolean {
  return canOnCase(actor, action, caseAccessFacts(row)).allowed;
}
