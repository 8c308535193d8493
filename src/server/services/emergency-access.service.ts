import { canOnCase, mayBreakGlass, relationToCase } from '#domain/access/case-policy.ts';
import { DomainError } from '#domain/errors.ts';
import { formatFullName } from '#domain/persons/person-name.ts';
import { emergencyReasonMinLength, type EmergencyAccessGrant, type EmergencyAccessItem, type EmergencyAccessRequest } from '#contracts/emergency-access.contract.ts';
import { caseAccessFacts } from '../lib/case-access.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { addCaseEvent, findCaseWithAccessFacts } from '../db/repositories/cases.repository.ts';
import { appendAudit } from './audit.service.ts';

/** Days of emergency accesses the supervisor's team view shows. */
export const emergencyAccessReportDays = 30;

/**
 * Breaks the glass (SPEC §11): a case manager, supervisor or Child Affairs specialist opens a case outside their
 * scope with a stated reason, read-only, for `emergencyAccessMinutes`. The grant is recorded, audited with the reason,
 * put on the case's timeline and shown to the case manager's supervisor. Roles that may not break the glass get 403
 * whatever the case; a missing case 404; a user who already sees the case 422 `emergency_access_not_needed`.
 */
export async function breakGlass(deps: Deps, actor: RequestActor, caseId: string, body: EmergencyAccessRequest): Promise<EmergencyAccessGrant> {
  if (!mayBreakGlass(actor)) throw new DomainError('forbidden', 'Your role may not open cases in an emergency', { reason: 'emergency_access_not_allowed' });
  const reason = body.reason?.trim() ?? '';
  if (reason.length < emergencyReasonMinLength) throw new DomainError('emergency_access_reason_required', 'State why the case must be opened now', { minLength: emergencyReasonMinLength });
  const now = deps.now();
  const today = todayInKyiv(now);
  const expiresAt = new Date(now.getTime() + deps.config.emergencyAccessMinutes * 60_000);
  return deps.db.transaction().execute(async (trx) => {
    const row = await findCaseWithAccessFacts(trx, caseId, today);
    if (!row) throw new DomainError('not_found', 'Not found');
    const facts = caseAccessFacts(row);
    // Already in scope by an ordinary relation, or by an emergency access still open: nothing to break.
    if (canOnCase(actor, 'case.view', facts).allowed) {
      const relation = relationToCase(actor, facts);
      throw new DomainError('emergency_access_not_needed', 'You already have access to this case', { relation });
    }
    const inserted = await trx
      .insertInto('emergency_accesses')
      .values({ case_id: caseId, user_id: actor.userId, reason, granted_at: now, expires_at: expiresAt, supervisor_id: row.caseManagerSupervisorId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'emergency_access', entity: 'case', entityId: caseId, details: { reason, expiresAt: expiresAt.toISOString(), grantId: inserted.id } }, now);
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'emergency_access_granted', data: { reason, expiresAt: expiresAt.toISOString() }, at: now });
    return { id: inserted.id, caseId, grantedAt: now.toISOString(), expiresAt: expiresAt.toISOString() };
  });
}

/** When the actor's emergency access to the case closes, or null when they have none open at `now`. */
export async function emergencyAccessUntil(trx: Tx, userId: string, caseId: string, now: Date): Promise<Date | null> {
  const row = await trx
    .selectFrom('emergency_accesses')
    .select((eb) => eb.fn.max('expires_at').as('until'))
    .where('user_id', '=', userId)
    .where('case_id', '=', caseId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row?.until ? new Date(row.until) : null;
}

/** Emergency accesses of the last `emergencyAccessReportDays` days on cases of the supervisor's workers, newest first. */
export async function listEmergencyAccessesForSupervisor(trx: Tx, supervisorId: string, now: Date): Promise<EmergencyAccessItem[]> {
  const since = new Date(now.getTime() - emergencyAccessReportDays * 24 * 60 * 60_000);
  const rows = await trx
    .selectFrom('emergency_accesses as g')
    .innerJoin('cases as c', 'c.id', 'g.case_id')
    .innerJoin('users as cm', 'cm.id', 'c.case_manager_id')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.id', 'g.case_id', 'c.number', 'g.granted_at', 'g.expires_at', 'g.reason', 'u.surname', 'u.given_name', 'u.patronymic'])
    .where((eb) => eb.or([eb('cm.supervisor_id', '=', supervisorId), eb('g.supervisor_id', '=', supervisorId)]))
    .where('g.granted_at', '>=', since)
    .orderBy('g.granted_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.number,
    userName: formatFullName({ surname: r.surname, givenName: r.given_name, patronymic: r.patronymic }),
    grantedAt: new Date(r.granted_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
    reason: r.reason,
  }));
}
