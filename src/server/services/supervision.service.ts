import { hasRole } from '#domain/access/actor.ts';
import { complexities, type Complexity } from '#domain/cases/case-types.ts';
import { addDays } from '#domain/calendar/iso-date.ts';
import { deadlineStatus } from '#domain/deadlines/deadline-rules.ts';
import { DomainError } from '#domain/errors.ts';
import { compareUkrainian, formatFullName } from '#domain/persons/person-name.ts';
import type { TeamDeadlineItem, TeamView, TeamWorker } from '#contracts/supervision.contract.ts';
import { todayInKyiv, type Deps, type RequestActor } from '../lib/context.ts';
import { listCaseMembers } from '../db/repositories/cases.repository.ts';
import { appendAudit } from './audit.service.ts';
import { listEmergencyAccessesForSupervisor } from './emergency-access.service.ts';
import { capacityStatus, caseloadPercent } from '#domain/workforce/caseload.ts';
import { loadWorkforceSettings } from './workforce.service.ts';

/** Days of the "due this week" window, today included. */
export const teamWeekDays = 7;

type Counts = Pick<TeamWorker, 'openCases' | 'byComplexity' | 'overdue' | 'dueThisWeek' | 'pendingApprovals'>;

function emptyCounts(): Counts {
  const byComplexity = Object.fromEntries([...complexities, 'not_assessed'].map((c) => [c, 0])) as TeamWorker['byComplexity'];
  return { openCases: 0, byComplexity, overdue: 0, dueThisWeek: 0, pendingApprovals: 0 };
}

/**
 * The supervisor's team view (SPEC §7 supervision): for each case manager they supervise (`users.supervisor_id`), open
 * cases by complexity, open deadlines overdue and due within the week, and requests waiting for approval — counted in
 * SQL over the same `case_deadlines` rows (not yet met) that the worklist's next deadline comes from, with overdue
 * meaning what `deadlineStatus` says. Only supervisors may ask (403 otherwise); only their own workers' cases are read.
 */
export async function getTeam(deps: Deps, actor: RequestActor): Promise<TeamView> {
  if (!hasRole(actor, 'supervisor')) throw new DomainError('forbidden', 'Only supervisors see a team', { reason: 'not_supervisor' });
  const now = deps.now();
  const today = todayInKyiv(now);
  const weekEnd = addDays(today, teamWeekDays - 1);
  return deps.db.transaction().execute(async (trx) => {
    const workers = await trx
      .selectFrom('users')
      .select(['id', 'surname', 'given_name', 'patronymic'])
      .where('supervisor_id', '=', actor.userId)
      .where('is_active', '=', true)
      .execute();
    const ids = workers.map((w) => w.id);
    const counts = new Map(ids.map((id) => [id, emptyCounts()]));
    const items = new Map(ids.map((id) => [id, { overdue: [] as TeamDeadlineItem[], week: [] as TeamDeadlineItem[] }]));
    if (ids.length > 0) {
      const byComplexity = await trx
        .selectFrom('cases')
        .select(['case_manager_id', 'complexity', (eb) => eb.fn.countAll<string>().as('n')])
        .where('status', '=', 'open')
        .where('case_manager_id', 'in', ids)
        .groupBy(['case_manager_id', 'complexity'])
        .execute();
      for (const r of byComplexity) {
        const c = counts.get(r.case_manager_id);
        if (!c) continue;
        const n = Number(r.n);
        c.openCases += n;
        const key = r.complexity && (complexities as readonly string[]).includes(r.complexity) ? (r.complexity as Complexity) : 'not_assessed';
        c.byComplexity[key] += n;
      }
      const deadlineCounts = await trx
        .selectFrom('case_deadlines as d')
        .innerJoin('cases as c', 'c.id', 'd.case_id')
        .select((eb) => [
          'c.case_manager_id',
          eb.fn.countAll<string>().filterWhere('d.due_date', '<', today).as('overdue'),
          eb.fn.countAll<string>().filterWhere((f) => f.and([f('d.due_date', '>=', today), f('d.due_date', '<=', weekEnd)])).as('week'),
        ])
        .where('d.met_on', 'is', null)
        .where('c.status', '=', 'open')
        .where('c.case_manager_id', 'in', ids)
        .groupBy('c.case_manager_id')
        .execute();
      for (const r of deadlineCounts) {
        const c = counts.get(r.case_manager_id);
        if (!c) continue;
        c.overdue = Number(r.overdue);
        c.dueThisWeek = Number(r.week);
      }
      const approvals = await trx
        .selectFrom('approvals as a')
        .innerJoin('cases as c', 'c.id', 'a.case_id')
        .select(['c.case_manager_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('a.status', '=', 'pending')
        .where('c.case_manager_id', 'in', ids)
        .groupBy('c.case_manager_id')
        .execute();
      for (const r of approvals) {
        const c = counts.get(r.case_manager_id);
        if (c) c.pendingApprovals = Number(r.n);
      }
      const due = await trx
        .selectFrom('case_deadlines as d')
        .innerJoin('cases as c', 'c.id', 'd.case_id')
        .select(['c.case_manager_id', 'c.id as caseId', 'c.number', 'd.key', 'd.due_date', 'd.source_uk', 'd.source_en'])
        .where('d.met_on', 'is', null)
        .where('c.status', '=', 'open')
        .where('c.case_manager_id', 'in', ids)
        .where('d.due_date', '<=', weekEnd)
        .orderBy('d.due_date')
        .orderBy('c.number')
        .execute();
      const members = await listCaseMembers(trx, [...new Set(due.map((d) => d.caseId))]);
      for (const d of due) {
        const child = members.find((m) => m.case_id === d.caseId && m.role === 'child') ?? members.find((m) => m.case_id === d.caseId);
        const status = deadlineStatus(d.due_date, today);
        const item: TeamDeadlineItem = { caseId: d.caseId, caseNumber: d.number, title: child ? `${child.surname} ${child.given_name}` : '', key: d.key, dueDate: d.due_date, status, sourceUk: d.source_uk, sourceEn: d.source_en };
        const bucket = items.get(d.case_manager_id);
        if (!bucket) continue;
        (status === 'overdue' ? bucket.overdue : bucket.week).push(item);
      }
    }
    const { weights } = await loadWorkforceSettings(trx);
    const open = ids.length ? await trx.selectFrom('cases').select(['id', 'number', 'version', 'case_manager_id']).where('status', '=', 'open').where('case_manager_id', 'in', ids).orderBy('number').execute() : [];
    const openMembers = await listCaseMembers(trx, open.map((c) => c.id));
    const openItems = (userId: string) =>
      open
        .filter((c) => c.case_manager_id === userId)
        .map((c) => {
          const child = openMembers.find((m) => m.case_id === c.id && m.role === 'child') ?? openMembers.find((m) => m.case_id === c.id);
          return { caseId: c.id, caseNumber: c.number, title: child ? `${child.surname} ${child.given_name}` : '', version: c.version };
        });
    const result: TeamWorker[] = workers
      .map((w) => ({
        id: w.id,
        name: formatFullName({ surname: w.surname, givenName: w.given_name, patronymic: w.patronymic }),
        ...(counts.get(w.id) ?? emptyCounts()),
        caseloadPercent: caseloadPercent((counts.get(w.id) ?? emptyCounts()).byComplexity, weights),
        capacity: capacityStatus((counts.get(w.id) ?? emptyCounts()).byComplexity, weights),
        openCaseItems: openItems(w.id),
        overdueItems: items.get(w.id)?.overdue ?? [],
        dueThisWeekItems: items.get(w.id)?.week ?? [],
      }))
      .sort((a, b) => compareUkrainian(a.name, b.name));
    const caseIds = [...new Set(result.flatMap((w) => [...w.overdueItems, ...w.dueThisWeekItems, ...w.openCaseItems].map((i) => i.caseId)))];
    const emergencyAccesses = await listEmergencyAccessesForSupervisor(trx, actor.userId, now);
    await appendAudit(trx, { actor, action: 'list', entity: 'supervision_team', entityId: '', details: { workerIds: ids, caseIds } }, now);
    return { today, weekEnd, workers: result, emergencyAccesses };
  });
}
