import { sql } from 'kysely';
import { anonymisedSurname, anonymisedText, retentionCutoff } from '#domain/privacy/retention.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { appendAudit } from './audit.service.ts';

/**
 * Retention and anonymisation of closed records (SPEC §11), as an idempotent task: persons whose every case was
 * closed more than `retentionYearsAfterClosure` years ago are anonymised, and so is the free text of those cases.
 * Ids, coded facts and dates stay, so indicators still count. One run at a time (a transaction-level advisory lock:
 * a second run at the same moment does nothing); every run is recorded in `retention_runs` and audited. The audit
 * trail is never rewritten: its rows carry ids and codes, not names.
 */
export type RetentionTrigger = 'startup' | 'schedule' | 'cli';

/** What one run did (or, with `dryRun`, would do). */
export type RetentionResult = {
  /** False when another run held the lock. */
  ran: boolean;
  runId: string | null;
  dryRun: boolean;
  yearsAfterClosure: number;
  cutoffDate: string;
  personsAnonymised: number;
  casesAnonymised: number;
};

/** Key of the advisory lock that serialises runs across processes (PostgreSQL) — an arbitrary constant. */
const lockKey = 80_182_026;

/**
 * Free text of a case's records, by table: the columns replaced by the marker when not empty (plan goals and
 * measures reach the case through the plan, referral steps through the referral). Columns that do not exist (an older schema) are skipped.
 */
const caseTextColumns: ReadonlyArray<{ table: string; columns: readonly string[] }> = [
  { table: 'notifications', columns: ['reporter_person', 'reporter_contact', 'description', 'actions_taken', 'documents'] },
  { table: 'safety_assessments', columns: ['contacts'] },
  { table: 'safety_actions', columns: ['description', 'taken_by_name'] },
  { table: 'tracing_attempts', columns: ['sought_name', 'notes'] },
  { table: 'relatives', columns: ['contact', 'assessment_notes'] },
  { table: 'family_assessments', columns: ['risk_factors', 'protective_factors', 'strengths', 'siblings_resilience', 'separation_view', 'readiness_notes', 'capacity_notes', 'socio_economic', 'place', 'child_views', 'child_views_not_heard_reason'] },
  { table: 'care_episodes', columns: ['reason', 'end_reason'] },
  { table: 'case_plans', columns: ['child_views', 'child_views_not_heard_reason', 'family_participation', 'family_signed_by'] },
  { table: 'plan_goals', columns: ['goal'] },
  { table: 'plan_measures', columns: ['action', 'responsible_name', 'expected_result'] },
  { table: 'service_agreements', columns: ['signed_by_recipient'] },
  { table: 'emergency_contacts', columns: ['situation'] },
  { table: 'case_reviews', columns: ['child_views', 'child_views_not_heard_reason', 'decision_notes'] },
  { table: 'closure_requests', columns: ['goals_met_note', 'benchmarks_note', 'safe_stable_care_note', 'support_in_place_note', 'child_views', 'child_views_not_heard_reason', 'family_views', 'decision_comment'] },
  { table: 'goal_achievements', columns: ['comment'] },
  { table: 'follow_up_visits', columns: ['notes'] },
  { table: 'case_notes', columns: ['text'] },
  { table: 'home_visits', columns: ['address', 'other_visitors', 'others_met', 'child_seen_alone_reason', 'observations', 'safety_concerns_text'] },
  { table: 'delivered_services', columns: ['notes'] },
  { table: 'plan_reports', columns: ['overall_comment'] },
  { table: 'referrals', columns: ['reason', 'requested_intervention', 'earlier_services', 'additional_info', 'contact', 'feedback', 'legal_ground_note'] },
  { table: 'referral_transitions', columns: ['note'] },
  { table: 'reunification_preparations', columns: ['description', 'notes'] },
  { table: 'person_consents', columns: ['scope', 'given_by_name', 'withdrawal_reason'] },
];

/** Persons linked to a case (members, relatives), each eligible when every linked case closed before the cutoff and no unregistered notification or contact names them. */
async function eligiblePersonIds(trx: Tx, cutoff: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    WITH linked AS (
      SELECT person_id, case_id FROM case_members
      UNION SELECT person_id, case_id FROM relatives
    )
    SELECT l.person_id AS id FROM linked l JOIN cases c ON c.id = l.case_id
    GROUP BY l.person_id
    HAVING bool_and(c.status = 'closed' AND c.closed_on < ${cutoff}::date)
      AND NOT EXISTS (SELECT 1 FROM notification_members nm JOIN notifications n ON n.id = nm.notification_id WHERE nm.person_id = l.person_id AND n.case_id IS NULL)
      AND NOT EXISTS (SELECT 1 FROM emergency_contact_members em JOIN emergency_contacts e ON e.id = em.emergency_contact_id WHERE em.person_id = l.person_id AND e.case_id IS NULL)
  `.execute(trx);
  return rows.rows.map((r) => r.id);
}

/** Cases closed before the cutoff, not yet anonymised, whose every linked person is eligible. */
async function expiredCaseIds(trx: Tx, cutoff: string, eligible: readonly string[]): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    SELECT c.id FROM cases c
    WHERE c.status = 'closed' AND c.closed_on < ${cutoff}::date AND c.anonymised_at IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM (SELECT person_id FROM case_members WHERE case_id = c.id UNION SELECT person_id FROM relatives WHERE case_id = c.id) l
        WHERE NOT (l.person_id = ANY(${[...eligible]}::uuid[]))
      )
  `.execute(trx);
  return rows.rows.map((r) => r.id);
}

async function existingColumns(trx: Tx): Promise<Set<string>> {
  const rows = await sql<{ t: string; c: string }>`SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema()`.execute(trx);
  return new Set(rows.rows.map((r) => `${r.t}.${r.c}`));
}

async function anonymiseCases(trx: Tx, caseIds: string[], now: Date): Promise<void> {
  if (caseIds.length === 0) return;
  const columns = await existingColumns(trx);
  for (const spec of caseTextColumns) {
    const cols = spec.columns.filter((c) => columns.has(`${spec.table}.${c}`));
    if (cols.length === 0) continue;
    const sets = sql.join(cols.map((c) => sql`${sql.ref(c)} = CASE WHEN ${sql.ref(c)} = '' THEN ${sql.ref(c)} ELSE ${anonymisedText} END`));
    const ids = sql`${caseIds}::uuid[]`;
    const where = spec.table === 'plan_goals' || spec.table === 'plan_measures'
      ? sql`plan_id IN (SELECT id FROM case_plans WHERE case_id = ANY(${ids}))`
      : spec.table === 'referral_transitions'
        ? sql`referral_id IN (SELECT id FROM referrals WHERE case_id = ANY(${ids}))`
        : sql`case_id = ANY(${ids})`;
    await sql`UPDATE ${sql.table(spec.table)} SET ${sets} WHERE ${where}`.execute(trx);
  }
  // Names of caregivers written into safety acts.
  if (columns.has('safety_assessments.caregivers')) await sql`UPDATE safety_assessments SET caregivers = '[]'::jsonb WHERE case_id = ANY(${caseIds}::uuid[])`.execute(trx);
  await trx.updateTable('cases').set({ anonymised_at: now }).where('id', 'in', caseIds).execute();
}

async function anonymisePersons(trx: Tx, personIds: string[], now: Date): Promise<void> {
  if (personIds.length === 0) return;
  await sql`
    UPDATE persons SET surname = ${anonymisedSurname}, given_name = '', patronymic = '', latin_name = '', name_key = '', latin_key = '',
      birth_date = make_date(extract(year FROM birth_date)::int, 1, 1), anonymised_at = ${now}, version = version + 1, updated_at = ${now}
    WHERE id = ANY(${personIds}::uuid[])
  `.execute(trx);
}

/** One run of the retention task (see the module comment). */
export async function runRetention(deps: Deps, opts: { trigger: RetentionTrigger; dryRun?: boolean; actor?: Pick<RequestActor, 'userId' | 'username' | 'ip'> | null }): Promise<RetentionResult> {
  const now = deps.now();
  const years = deps.config.retentionYearsAfterClosure;
  const cutoffDate = retentionCutoff(todayInKyiv(now), years);
  const dryRun = opts.dryRun ?? false;
  return deps.db.transaction().execute(async (trx) => {
    const lock = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${lockKey}) AS locked`.execute(trx);
    if (!lock.rows[0]?.locked) return { ran: false, runId: null, dryRun, yearsAfterClosure: years, cutoffDate, personsAnonymised: 0, casesAnonymised: 0 };
    const eligible = await eligiblePersonIds(trx, cutoffDate);
    const personIds = eligible.length
      ? (await trx.selectFrom('persons').select('id').where('id', 'in', eligible).where('anonymised_at', 'is', null).execute()).map((r) => r.id)
      : [];
    const caseIds = await expiredCaseIds(trx, cutoffDate, eligible);
    if (!dryRun) {
      await anonymiseCases(trx, caseIds, now);
      await anonymisePersons(trx, personIds, now);
    }
    const run = await trx
      .insertInto('retention_runs')
      .values({ started_at: now, trigger: opts.trigger, dry_run: dryRun, years_after_closure: years, cutoff_date: cutoffDate, persons_anonymised: personIds.length, cases_anonymised: caseIds.length, actor_id: opts.actor?.userId ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cap = 1000;
    await appendAudit(
      trx,
      {
        actor: opts.actor ?? null,
        action: 'update',
        entity: 'retention_run',
        entityId: run.id,
        details: { trigger: opts.trigger, dryRun, yearsAfterClosure: years, cutoffDate, personsAnonymised: personIds.length, casesAnonymised: caseIds.length, personIds: personIds.slice(0, cap), caseIds: caseIds.slice(0, cap) },
      },
      now,
    );
    return { ran: true, runId: run.id, dryRun, yearsAfterClosure: years, cutoffDate, personsAnonymised: personIds.length, casesAnonymised: caseIds.length };
  });
}

/**
 * Runs the task at server start and then daily in-process, one run at a time (a run still going skips the next
 * tick; across processes the advisory lock decides). Errors are logged, never thrown into the server. Returns a stop function.
 */
export function startRetentionSchedule(deps: Deps, log: (m: string) => void, intervalMs = 24 * 60 * 60 * 1000): () => void {
  let running = false;
  const tick = async (trigger: RetentionTrigger) => {
    if (running) return;
    running = true;
    try {
      const r = await runRetention(deps, { trigger });
      if (r.ran) log(`retention (${trigger}): ${r.personsAnonymised} persons and ${r.casesAnonymised} cases closed before ${r.cutoffDate} anonymised`);
    } catch (err) {
      log(`retention (${trigger}) failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      running = false;
    }
  };
  void tick('startup');
  const timer = setInterval(() => void tick('schedule'), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
