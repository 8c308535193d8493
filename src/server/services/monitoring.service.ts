import type { Complexity } from '#domain/cases/case-types.ts';
import { homeVisitDeadlineKey, nextVisitDue, planReportDeadlineKey, planReportDue, reportPeriodDue } from '#domain/cases/monitoring.ts';
import type { CaseStep } from '#domain/cases/workflow.ts';
import { deadlineStatus } from '#domain/deadlines/deadline-rules.ts';
import { todayInKyiv, type Tx } from '../lib/context.ts';
import { refreshNextDueDate } from '../db/repositories/cases.repository.ts';
import { loadCalendarConfig, loadDeadlineRules } from './calendar.service.ts';

/**
 * Monitoring deadlines of a case (SPEC §2.12): the next home visit by the schedule of domain/cases/monitoring.ts,
 * and the quarterly plan-implementation report once a plan is agreed (CMU Resolution No. 585). Both are rows of
 * `case_deadlines`, so overdue visits and reports show on the worklist and the case page like any other deadline.
 */

/** The columns of a case the schedule reads. */
export type MonitoredCase = { id: string; case_type: string; step: string; complexity: string | null; registered_on: string };

type OpenDeadline = { id: string; due_date: string; source_uk: string; source_en: string };

async function openDeadline(trx: Tx, caseId: string, key: string): Promise<OpenDeadline | undefined> {
  return trx
    .selectFrom('case_deadlines')
    .select(['id', 'due_date', 'source_uk', 'source_en'])
    .where('case_id', '=', caseId)
    .where('key', '=', key)
    .where('met_on', 'is', null)
    .orderBy('due_date')
    .executeTakeFirst();
}

/**
 * Sets the deadline `key` to `due`: when `metOn` is given the open one is met that day and a new one opened (history
 * of deadlines is kept), otherwise the open one is moved, or one is opened. Refreshes the worklist sort key.
 */
async function setDeadline(trx: Tx, caseId: string, key: string, due: { dueDate: string; sourceUk: string; sourceEn: string }, metOn: string | null): Promise<void> {
  const open = await openDeadline(trx, caseId, key);
  if (open && metOn === null && open.due_date === due.dueDate && open.source_uk === due.sourceUk) return;
  if (open && metOn !== null) {
    await trx.updateTable('case_deadlines').set({ met_on: metOn }).where('id', '=', open.id).execute();
  } else if (open) {
    await trx.updateTable('case_deadlines').set({ due_date: due.dueDate, source_uk: due.sourceUk, source_en: due.sourceEn }).where('id', '=', open.id).execute();
    await refreshNextDueDate(trx, caseId);
    return;
  }
  await trx.insertInto('case_deadlines').values({ case_id: caseId, key, due_date: due.dueDate, source_uk: due.sourceUk, source_en: due.sourceEn }).execute();
  await refreshNextDueDate(trx, caseId);
}

/** The day the child returned home or was placed: the case last moved on from the reunification step. */
async function reunifiedOn(trx: Tx, caseId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('case_transitions')
    .select('at')
    .where('case_id', '=', caseId)
    .where('from_step', '=', 'reunification')
    .where('direction', '=', 'forward')
    .orderBy('at', 'desc')
    .executeTakeFirst();
  return row ? todayInKyiv(new Date(row.at)) : null;
}

/**
 * Sets or refreshes the case's `home_visit` deadline: counted from the last visit done (or the registration date) by
 * the schedule for the case's step and complexity. `doneOn` is the date of a visit just recorded as done: it meets
 * the open deadline and the next interval starts.
 */
export async function syncVisitDeadline(trx: Tx, c: MonitoredCase, doneOn: string | null): Promise<void> {
  const last = await trx
    .selectFrom('home_visits')
    .select('done_date')
    .where('case_id', '=', c.id)
    .where('done_date', 'is not', null)
    .orderBy('done_date', 'desc')
    .executeTakeFirst();
  const next = nextVisitDue({
    from: last?.done_date ?? c.registered_on,
    step: c.step as CaseStep,
    complexity: c.complexity as Complexity | null,
    reunifiedOn: await reunifiedOn(trx, c.id),
    caseType: c.case_type,
    rules: await loadDeadlineRules(trx),
    calendar: await loadCalendarConfig(trx),
  });
  await setDeadline(trx, c.id, homeVisitDeadlineKey, { dueDate: next.dueDate, sourceUk: next.rule.sourceUk, sourceEn: next.rule.sourceEn }, doneOn);
}

/**
 * Sets or refreshes the case's `plan_report` deadline for the earliest quarter not yet reported since a plan was
 * first agreed; without an agreed plan there is none. `submittedOn` is the date of a report just submitted: when it
 * moved the due quarter on, the open deadline is met that day.
 */
export async function syncPlanReportDeadline(trx: Tx, c: Pick<MonitoredCase, 'id' | 'case_type'>, submittedOn: string | null): Promise<void> {
  const first = await trx
    .selectFrom('case_plans')
    .select('family_agreement_date')
    .where('case_id', '=', c.id)
    .where('status', 'in', ['agreed', 'superseded'])
    .where('family_agreement_date', 'is not', null)
    .orderBy('family_agreement_date')
    .executeTakeFirst();
  if (!first?.family_agreement_date) return;
  const reported = await trx.selectFrom('plan_reports').select('period').where('case_id', '=', c.id).execute();
  const period = reportPeriodDue(first.family_agreement_date, reported.map((r) => r.period));
  const due = planReportDue({ period, caseType: c.case_type, rules: await loadDeadlineRules(trx), calendar: await loadCalendarConfig(trx) });
  const open = await openDeadline(trx, c.id, planReportDeadlineKey);
  const moved = !!open && open.source_uk !== due.sourceUk;
  await setDeadline(trx, c.id, planReportDeadlineKey, due, moved && submittedOn !== null ? submittedOn : null);
}

/** The open deadline of a key as the API shows deadlines, or null. */
export async function presentOpenDeadline(trx: Tx, caseId: string, key: string, today: string) {
  const d = await openDeadline(trx, caseId, key);
  return d ? { key, dueDate: d.due_date, status: deadlineStatus(d.due_date, today), sourceUk: d.source_uk, sourceEn: d.source_en, metOn: null } : null;
}
