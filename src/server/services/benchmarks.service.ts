import { benchmarkSeries, defaultBenchmarkConfig, domainsBelowThreshold, validateBenchmarkRecord, type BenchmarkConfig, type BenchmarkOccasion, type BenchmarkRecord, type BenchmarkSubject } from '#domain/cases/benchmarks.ts';
import type { Complexity } from '#domain/cases/case-types.ts';
import { nextReviewDue } from '#domain/cases/review.ts';
import { DomainError } from '#domain/errors.ts';
import type { BenchmarkRecordRequest, BenchmarkRecordView, ChildBenchmarkInput } from '#contracts/benchmarks.contract.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { mayOnCase } from '../lib/case-access.ts';
import type { LoadedCase } from '../lib/case-lifecycle-access.ts';
import { addCaseEvent } from '../db/repositories/cases.repository.ts';
import { fullName, hasOpenDeadline, listCaseChildren, lockCaseRow, replaceOpenDeadline } from '../db/repositories/reviews-closure.repository.ts';
import { appendAudit } from './audit.service.ts';
import { loadCalendarConfig, loadDeadlineRules } from './calendar.service.ts';
import { loadCaseFor } from './cases.service.ts';

/** The benchmark configuration in use: the shipped default (SPEC §2.6: configuration with a shipped default). */
export function benchmarkConfig(): BenchmarkConfig {
  return defaultBenchmarkConfig;
}

/** Checks that a record's date lies between the case's registration and today. */
export function checkRecordDate(date: string, caseRow: { registered_on: string }, today: string, code = 'benchmark_date_out_of_range'): void {
  if (date > today || date < caseRow.registered_on) throw new DomainError(code, 'The date must lie between the case registration and today', { date, registeredOn: caseRow.registered_on, today });
}

/**
 * Checks the scores of several children at once: each a child of the case, each once, each valid against the
 * configuration (every domain, on the scale, strengths noted — domain `validateBenchmarkRecord`).
 */
export function checkChildBenchmarks(inputs: readonly ChildBenchmarkInput[], childIds: readonly string[], occasion: BenchmarkOccasion, date: string): void {
  const seen = new Set<string>();
  for (const b of inputs) {
    if (!childIds.includes(b.childPersonId)) throw new DomainError('person_not_in_case', 'The person is not a child of this case', { personId: b.childPersonId });
    if (seen.has(b.childPersonId)) throw new DomainError('benchmark_duplicate_child', 'A child is scored twice', { personId: b.childPersonId });
    seen.add(b.childPersonId);
    validateBenchmarkRecord({ occasion, date, scores: b.scores }, benchmarkConfig());
  }
}

/** Saves one validated record with its scores (subject from the configuration), returning its id. */
export async function insertBenchmarkRecord(
  trx: Tx,
  caseRow: LoadedCase,
  input: { childPersonId: string; occasion: BenchmarkOccasion; recordedOn: string; scores: ChildBenchmarkInput['scores']; reviewId?: string | null; closureRequestId?: string | null; recordedBy: string; now: Date },
): Promise<string> {
  const config = benchmarkConfig();
  const created = await trx
    .insertInto('benchmark_records')
    .values({
      case_id: caseRow.id,
      child_person_id: input.childPersonId,
      occasion: input.occasion,
      recorded_on: input.recordedOn,
      review_id: input.reviewId ?? null,
      closure_request_id: input.closureRequestId ?? null,
      recorded_by: input.recordedBy,
      hromada_id: caseRow.hromada_id,
      organisation_id: caseRow.organisation_id,
      created_at: input.now,
      updated_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('benchmark_scores')
    .values(
      input.scores.map((s) => ({
        record_id: created.id,
        domain: s.domain,
        subject: config.domains.find((d) => d.code === s.domain)?.subject ?? 'child',
        score: s.score,
        strengths: s.strengths,
        needs: s.needs,
        hromada_id: caseRow.hromada_id,
        organisation_id: caseRow.organisation_id,
      })),
    )
    .execute();
  return created.id;
}

/** Records of a case (optionally only some), oldest first, with scores, recorder and child names. */
export async function loadBenchmarkRecords(trx: Tx, caseId: string, where: { ids?: string[] } = {}): Promise<BenchmarkRecordView[]> {
  let q = trx
    .selectFrom('benchmark_records as r')
    .innerJoin('users as u', 'u.id', 'r.recorded_by')
    .innerJoin('persons as p', 'p.id', 'r.child_person_id')
    .selectAll('r')
    .select(['u.surname', 'u.given_name', 'u.patronymic', 'p.surname as childSurname', 'p.given_name as childGivenName'])
    .where('r.case_id', '=', caseId);
  if (where.ids) {
    if (where.ids.length === 0) return [];
    q = q.where('r.id', 'in', where.ids);
  }
  const rows = await q.orderBy('r.recorded_on').orderBy('r.created_at').execute();
  const scores = rows.length ? await trx.selectFrom('benchmark_scores').selectAll().where('record_id', 'in', rows.map((r) => r.id)).execute() : [];
  const config = benchmarkConfig();
  const order = (domain: string) => config.domains.findIndex((d) => d.code === domain);
  return rows.map((r) => {
    const own = scores.filter((s) => s.record_id === r.id).sort((a, b) => order(a.domain) - order(b.domain));
    const record: BenchmarkRecord = { occasion: r.occasion as BenchmarkOccasion, date: r.recorded_on, scores: own.map((s) => ({ domain: s.domain, score: s.score, strengths: s.strengths, needs: s.needs })) };
    return {
      id: r.id,
      caseId: r.case_id,
      child: { personId: r.child_person_id, name: `${r.childSurname} ${r.childGivenName}` },
      occasion: record.occasion,
      recordedOn: r.recorded_on,
      reviewId: r.review_id,
      closureRequestId: r.closure_request_id,
      scores: own.map((s) => ({ domain: s.domain, subject: s.subject as BenchmarkSubject, score: s.score, strengths: s.strengths, needs: s.needs })),
      belowThreshold: domainsBelowThreshold(record, config),
      recordedBy: { id: r.recorded_by, name: fullName(r.surname, r.given_name, r.patronymic) },
      version: r.version,
      createdAt: new Date(r.created_at).toISOString(),
    };
  });
}

/** The domain-level record of a view, for the domain functions. */
export function asDomainRecord(v: BenchmarkRecordView): BenchmarkRecord {
  return { occasion: v.occasion, date: v.recordedOn, scores: v.scores.map((s) => ({ domain: s.domain, score: s.score, strengths: s.strengths, needs: s.needs })) };
}

/**
 * Adds the case's first `case_review` deadline when none is open: counted from the baseline by complexity
 * (`review_complex` 3 months for complex and emergency cases, `review_other` 6 months otherwise; SPEC §2.15).
 */
async function ensureReviewDeadline(trx: Tx, caseRow: LoadedCase, from: string): Promise<void> {
  if (await hasOpenDeadline(trx, caseRow.id, 'case_review')) return;
  const next = nextReviewDue({ complexity: caseRow.complexity as Complexity | null, caseType: caseRow.case_type, from, rules: await loadDeadlineRules(trx), calendar: await loadCalendarConfig(trx) });
  await replaceOpenDeadline(trx, caseRow.id, 'case_review', from, next);
}

/** The benchmark records of the case in date order and, per child and domain, the chart series (read audited). */
export async function listBenchmarks(deps: Deps, actor: RequestActor, caseId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view');
    const items = await loadBenchmarkRecords(trx, caseId);
    const children = await listCaseChildren(trx, caseId);
    const config = benchmarkConfig();
    const series = children
      .map((c) => ({ child: { personId: c.personId, name: c.name }, domains: benchmarkSeries(items.filter((i) => i.child.personId === c.personId).map(asDomainRecord), config) }))
      .filter((s) => s.domains.some((d) => d.points.length > 0));
    await appendAudit(trx, { actor, action: 'list', entity: 'benchmark_record', entityId: '', details: { caseId, ids: items.map((i) => i.id) } }, deps.now());
    return { items, series, allowedActions: mayOnCase(actor, 'needs_assessment.edit', caseRow) ? ['record' as const] : [] };
  });
}

/**
 * Records a child's baseline (once per child: a later baseline is refused) or an interim review record. A baseline
 * also starts the case's review cycle when no review deadline is open yet.
 */
export async function recordBenchmarks(deps: Deps, actor: RequestActor, caseId: string, input: BenchmarkRecordRequest): Promise<BenchmarkRecordView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    await lockCaseRow(trx, caseId);
    const recordedOn = input.recordedOn ?? today;
    checkRecordDate(recordedOn, caseRow, today);
    const children = await listCaseChildren(trx, caseId);
    checkChildBenchmarks([input], children.map((c) => c.personId), input.occasion, recordedOn);
    if (input.occasion === 'baseline') {
      const existing = await trx.selectFrom('benchmark_records').select('id').where('case_id', '=', caseId).where('child_person_id', '=', input.childPersonId).where('occasion', '=', 'baseline').executeTakeFirst();
      if (existing) throw new DomainError('benchmark_baseline_exists', 'The baseline of this child is already recorded; later scores are review records', { recordId: existing.id });
    }
    const id = await insertBenchmarkRecord(trx, caseRow, { childPersonId: input.childPersonId, occasion: input.occasion, recordedOn, scores: input.scores, recordedBy: actor.userId, now });
    if (input.occasion === 'baseline') await ensureReviewDeadline(trx, caseRow, recordedOn);
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'benchmarks_recorded', data: { recordId: id, occasion: input.occasion, childPersonId: input.childPersonId, recordedOn }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'benchmark_record', entityId: id, details: { caseId, occasion: input.occasion, childPersonId: input.childPersonId } }, now);
    const [view] = await loadBenchmarkRecords(trx, caseId, { ids: [id] });
    if (!view) throw new DomainError('not_found', 'Not found');
    return view;
  });
}
