import { sql, type RawBuilder } from 'kysely';
import { anonymisedSurname, anonymisedText, anonymiseDocument, retentionCutoff } from '#domain/privacy/retention.ts';
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
  /** JSON documents of anonymised cases whose free text was blanked by this run (0 in a dry run). */
  documentsAnonymised: number;
};

/** Key of the advisory lock that serialises runs across processes (PostgreSQL) — an arbitrary constant. */
const lockKey = 80_182_026;

/**
 * Free text of a case's records, by table: the columns replaced by the marker when not empty (plan goals and
 * measures reach the case through the plan, referral steps through the referral). Columns that do not exist (an older schema) are skipped.
 */
const caseTextColumns: ReadonlyArray<{ table: string; columns: readonly string[] }> = [
  { table: 'notifications', columns: ['reporter_person', 'reporter_contact', 'description', 'actions_taken', 'documents'] },
  { table: 'safety_assessments', columns: ['contacts', 'threats', 'document_number'] },
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
  { table: 'case_reviews', columns: ['child_views', 'child_views_not_heard_reason', 'decision_notes', 'permanency_planning'] },
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
  { table: 'panel_submissions', columns: ['question'] },
  { table: 'panel_determinations', columns: ['child_views', 'child_not_heard_reason', 'rationale', 'dissenting_opinions'] },
];

/**
 * JSON documents of a case (one column per table) whose free text is blanked by `anonymiseDocument` — codes, ids and
 * dates stay. Rows reach the case as in `caseTextColumns`.
 */
const caseDocuments: ReadonlyArray<{ table: string; column: string }> = [
  { table: 'needs_assessments', column: 'content' },
  { table: 'case_reviews', column: 'participants' },
  { table: 'closure_requests', column: 'report' },
  { table: 'plan_reports', column: 'measure_statuses' },
  { table: 'case_events', column: 'data' },
  { table: 'panel_submissions', column: 'assessments' },
  { table: 'panel_determinations', column: 'options' },
  { table: 'caregiver_placements', column: 'reasons' },
];

/** Which rows of `table` belong to the cases in `ids` (a uuid[] expression). */
function caseRows(table: string, ids: RawBuilder<unknown>): RawBuilder<unknown> {
  if (table === 'plan_goals' || table === 'plan_measures') return sql`plan_id IN (SELECT id FROM case_plans WHERE case_id = ANY(${ids}))`;
  if (table === 'referral_transitions') return sql`referral_id IN (SELECT id FROM referrals WHERE case_id = ANY(${ids}))`;
  if (table === 'panel_determinations') return sql`submission_id IN (SELECT id FROM panel_submissions WHERE case_id = ANY(${ids}))`;
  return sql`case_id = ANY(${ids})`;
}

/**
 * A quick filter for documents that may still hold free text: some string that is neither empty, a code, a uuid,
 * a date nor the marker (the same rule as `anonymiseDocument`, which decides; fields named …Id/…Code may pass here and
 * are then left as they are).
 */
const freeTextPath =
  'strict $.** ? (@.type() == "string" && @ != "" && @ != "' + anonymisedText + '" && !(@ like_regex "^([a-z][a-z0-9_]*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?)$"))';

/**
 * Blanks the free text of the JSON documents of every anonymised case (those of this run and, should a document still
 * hold text — e.g. a case anonymised before documents were covered —, earlier ones). Idempotent: a blanked document
 * no longer passes the filter. Returns how many documents changed.
 */
async function anonymiseCaseDocuments(trx: Tx, columns: Set<string>): Promise<number> {
  let changed = 0;
  const anonymised = sql`ARRAY(SELECT id FROM cases WHERE anonymised_at IS NOT NULL)`;
  for (const doc of caseDocuments) {
    if (!columns.has(`${doc.table}.${doc.column}`)) continue;
    const rows = await sql<{ id: string; doc: unknown }>`
      SELECT id, ${sql.ref(doc.column)} AS doc FROM ${sql.table(doc.table)}
      WHERE ${caseRows(doc.table, anonymised)} AND jsonb_path_exists(${sql.ref(doc.column)}, ${freeTextPath}::jsonpath)
    `.execute(trx);
    for (const row of rows.rows) {
      const next = anonymiseDocument(row.doc);
      if (JSON.stringify(next) === JSON.stringify(row.doc)) continue;
      await sql`UPDATE ${sql.table(doc.table)} SET ${sql.ref(doc.column)} = ${JSON.stringify(next)}::jsonb WHERE id = ${row.id}`.execute(trx);
      changed += 1;
    }
  }
  return changed;
}

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

async function anonymiseCases(trx: Tx, caseIds: string[], now: Date, columns: Set<string>): Promise<void> {
  if (caseIds.length === 0) return;
  for (const spec of caseTextColumns) {
    const cols = spec.columns.filter((c) => columns.has(`${spec.table}.${c}`));
    if (cols.length === 0) continue;
    const sets = sql.join(cols.map((c) => sql`${sql.ref(c)} = CASE WHEN ${sql.ref(c)} = '' THEN ${sql.ref(c)} ELSE ${anonymisedText} END`));
    const where = caseRows(spec.table, sql`${caseIds}::uuid[]`);
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
    if (!lock.rows[0]?.locked) return { ran: false, runId: null, dryRun, yearsAfterClosure: years, cutoffDate, personsAnonymised: 0, casesAnonymised: 0, documentsAnonymised: 0 };
    const eligible = await eligiblePersonIds(trx, cutoffDate);
    const personIds = eligible.length
      ? (await trx.selectFrom('persons').select('id').where('id', 'in', eligible).where('anonymised_at', 'is', null).execute()).map((r) => r.id)
      : [];
    const caseIds = await expiredCaseIds(trx, cutoffDate, eligible);
    let documentsAnonymised = 0;
    if (!dryRun) {
      const columns = await existingColumns(trx);
      await anonymiseCases(trx, caseIds, now, columns);
      documentsAnonymised = await anonymiseCaseDocuments(trx, columns);
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
        details: { trigger: opts.trigger, dryRun, yearsAfterClosure: years, cutoffDate, personsAnonymised: personIds.length, casesAnonymised: caseIds.length, documentsAnonymised, personIds: personIds.slice(0, cap), caseIds: caseIds.slice(0, cap) },
      },
      now,
    );
    return { ran: true, runId: run.id, dryRun, yearsAfterClosure: years, cutoffDate, personsAnonymised: personIds.length, casesAnonymised: caseIds.length, documentsAnonymised };
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
