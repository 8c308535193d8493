import type { Complexity } from '#domain/cases/case-types.ts';
import { compareGoalResults, findReviewGaps, nextReviewDue, temporaryCareTypes, type GoalAchievement, type ReviewDecision, type ReviewKind } from '#domain/cases/review.ts';
import { DomainError } from '#domain/errors.ts';
import type { ReviewRequest, ReviewView } from '#contracts/reviews.contract.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { mayOnCase } from '../lib/case-access.ts';
import { addCaseEvent } from '../db/repositories/cases.repository.ts';
import { anyChildInCare, findAgreedPlan, fullName, goalTextsOf, listCaseChildren, lockCaseRow, replaceOpenDeadline } from '../db/repositories/reviews-closure.repository.ts';
import { appendAudit } from './audit.service.ts';
import { checkChildBenchmarks, checkRecordDate, insertBenchmarkRecord } from './benchmarks.service.ts';
import { loadCalendarConfig, loadDeadlineRules } from './calendar.service.ts';
import { loadCaseFor } from './cases.service.ts';

/** Refuses goal judgements that name goals outside the agreed plan, or the same goal twice. */
export function checkGoalKeys(planGoalKeys: readonly string[], results: ReadonlyArray<{ goalKey: string }>): void {
  const { unknown, duplicate } = compareGoalResults(planGoalKeys, results);
  if (unknown.length > 0) throw new DomainError('goal_not_in_plan', 'A judged goal is not a goal of the agreed plan', { goalKeys: unknown });
  if (duplicate.length > 0) throw new DomainError('goal_judged_twice', 'A goal is judged twice', { goalKeys: duplicate });
}

/** Goal judgements of reviews or closure requests, with the goal's domain and text from the plan version judged. */
export async function loadGoalResults(trx: Tx, where: { reviewIds: string[] } | { closureRequestIds: string[] }) {
  const ids = 'reviewIds' in where ? where.reviewIds : where.closureRequestIds;
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('goal_achievements')
    .selectAll()
    .where('reviewIds' in where ? 'review_id' : 'closure_request_id', 'in', ids)
    .orderBy('created_at')
    .execute();
  const goals = await goalTextsOf(trx, [...new Set(rows.map((r) => r.plan_id))]);
  return rows.map((r) => {
    const g = goals.get(`${r.plan_id}:${r.goal_key}`);
    return { parentId: r.review_id ?? r.closure_request_id ?? '', goalKey: r.goal_key, domain: g?.domain ?? '', goal: g?.text ?? '', achievement: r.achievement as GoalAchievement, comment: r.comment };
  });
}

async function loadReviews(trx: Tx, caseId: string, ids?: string[]): Promise<ReviewView[]> {
  let q = trx
    .selectFrom('case_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.recorded_by')
    .innerJoin('case_plans as p', 'p.id', 'r.plan_id')
    .selectAll('r')
    .select(['u.surname', 'u.given_name', 'u.patronymic', 'p.version_no'])
    .where('r.case_id', '=', caseId);
  if (ids) q = q.where('r.id', 'in', ids);
  const rows = await q.orderBy('r.held_on', 'desc').orderBy('r.created_at', 'desc').execute();
  const reviewIds = rows.map((r) => r.id);
  const results = await loadGoalResults(trx, { reviewIds });
  const records = reviewIds.length ? await trx.selectFrom('benchmark_records').select(['id', 'review_id']).where('review_id', 'in', reviewIds).orderBy('created_at').execute() : [];
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    kind: r.kind as ReviewKind,
    heldOn: r.held_on,
    participants: r.participants.map((p) => ({ name: p.name, role: p.role ?? '', organisation: p.organisation ?? '' })),
    childPresent: r.child_present,
    familyPresent: r.family_present,
    childViews: r.child_views,
    childViewsNotHeardReason: r.child_views_not_heard_reason,
    plan: { id: r.plan_id, versionNo: r.version_no },
    goalResults: results.filter((g) => g.parentId === r.id).map(({ parentId: _p, ...g }) => g),
    benchmarkRecordIds: records.filter((b) => b.review_id === r.id).map((b) => b.id),
    decision: r.decision as ReviewDecision,
    decisionNotes: r.decision_notes,
    permanencyPlanning: r.permanency_planning,
    nextReviewDue: r.next_review_due,
    nextReviewRule: r.next_review_rule as ReviewView['nextReviewRule'],
    recordedBy: { id: r.recorded_by, name: fullName(r.surname, r.given_name, r.patronymic) },
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** Reviews of the case, newest first, with the open review deadline (read audited). */
export async function listReviews(deps: Deps, actor: RequestActor, caseId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view');
    const items = await loadReviews(trx, caseId);
    const next = await trx.selectFrom('case_deadlines').select('due_date').where('case_id', '=', caseId).where('key', '=', 'case_review').where('met_on', 'is', null).orderBy('due_date').executeTakeFirst();
    await appendAudit(trx, { actor, action: 'list', entity: 'case_review', entityId: '', details: { caseId, ids: items.map((i) => i.id) } }, deps.now());
    return { items, nextReviewDue: next?.due_date ?? null, allowedActions: mayOnCase(actor, 'needs_assessment.edit', caseRow) ? ['record' as const] : [] };
  });
}

/**
 * Records a periodic review or case conference (SPEC §2.13): every goal of the agreed plan judged, benchmarks re-scored
 * per child (periodic review), the child's views, exit/permanency planning for a child in temporary care. The next
 * review is computed by complexity (`review_complex` / `review_other`, SPEC §2.15) and replaces the open `case_review`
 * deadline, which is met on the review date.
 */
export async function recordReview(deps: Deps, actor: RequestActor, caseId: string, input: ReviewRequest): Promise<ReviewView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    await lockCaseRow(trx, caseId);
    checkRecordDate(input.heldOn, caseRow, today, 'review_date_out_of_range');
    const plan = await findAgreedPlan(trx, caseId);
    if (!plan) throw new DomainError('review_needs_agreed_plan', 'A review judges the goals of a plan agreed with the family; agree the plan first');
    const planGoalKeys = plan.goals.map((g) => g.key);
    checkGoalKeys(planGoalKeys, input.goalResults);
    const children = await listCaseChildren(trx, caseId);
    const childIds = children.map((c) => c.personId);
    checkChildBenchmarks(input.benchmarks, childIds, 'review', input.heldOn);
    const gaps = findReviewGaps(
      {
        kind: input.kind,
        participants: input.participants,
        childViews: input.childViews,
        childViewsNotHeardReason: input.childViewsNotHeardReason,
        goalResults: input.goalResults,
        scoredChildIds: input.benchmarks.map((b) => b.childPersonId),
        permanencyPlanning: input.permanencyPlanning,
      },
      { planGoalKeys, childIds, inTemporaryCare: await anyChildInCare(trx, childIds, temporaryCareTypes) },
    );
    if (gaps.length > 0) throw new DomainError('review_incomplete', 'Some parts of the review are not filled', { missing: gaps });

    const next = nextReviewDue({ complexity: caseRow.complexity as Complexity | null, caseType: caseRow.case_type, from: input.heldOn, rules: await loadDeadlineRules(trx), calendar: await loadCalendarConfig(trx) });
    const created = await trx
      .insertInto('case_reviews')
      .values({
        case_id: caseId,
        kind: input.kind,
        held_on: input.heldOn,
        participants: JSON.stringify(input.participants),
        child_present: input.childPresent,
        family_present: input.familyPresent,
        child_views: input.childViews,
        child_views_not_heard_reason: input.childViewsNotHeardReason,
        plan_id: plan.id,
        decision: input.decision,
        decision_notes: input.decisionNotes,
        permanency_planning: input.permanencyPlanning,
        next_review_due: next.dueDate,
        next_review_rule: next.ruleKey,
        recorded_by: actor.userId,
        hromada_id: caseRow.hromada_id,
        organisation_id: caseRow.organisation_id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.goalResults.length > 0) {
      await trx
        .insertInto('goal_achievements')
        .values(input.goalResults.map((g) => ({ case_id: caseId, review_id: created.id, plan_id: plan.id, goal_key: g.goalKey, achievement: g.achievement, comment: g.comment, hromada_id: caseRow.hromada_id, organisation_id: caseRow.organisation_id, created_at: now })))
        .execute();
    }
    const recordIds: string[] = [];
    for (const b of input.benchmarks) {
      recordIds.push(await insertBenchmarkRecord(trx, caseRow, { childPersonId: b.childPersonId, occasion: 'review', recordedOn: input.heldOn, scores: b.scores, reviewId: created.id, recordedBy: actor.userId, now }));
    }
    await replaceOpenDeadline(trx, caseId, 'case_review', input.heldOn, next);
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'case_review_recorded', data: { reviewId: created.id, kind: input.kind, heldOn: input.heldOn, decision: input.decision, nextReviewDue: next.dueDate }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'case_review', entityId: created.id, details: { caseId, kind: input.kind, decision: input.decision, benchmarkRecordIds: recordIds } }, now);
    const [view] = await loadReviews(trx, caseId, [created.id]);
    if (!view) throw new DomainError('not_found', 'Not found');
    return view;
  });
}
