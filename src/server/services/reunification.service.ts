import { sql, type Selectable } from 'kysely';
import type { ReunificationPreparationsTable } from '../db/schema-implementation.ts';
import { checkPreparationDate, hasPreparation, type PreparationActivityKind } from '#domain/cases/reunification.ts';
import { DomainError } from '#domain/errors.ts';
import type { PreparationActivityRequest, PreparationActivityView } from '#contracts/reunification.contract.ts';
import { mayOnCase } from '../lib/case-access.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { addCaseEvent } from '../db/repositories/cases.repository.ts';
import { isoOf, personRefsById, requireCaseChild, userNamesById } from '../db/repositories/safety-tracing.repository.ts';
import { appendAudit } from './audit.service.ts';
import { loadCaseFor } from './cases.service.ts';

type Row = Selectable<ReunificationPreparationsTable>;


async function present(trx: Tx, rows: Row[]): Promise<PreparationActivityView[]> {
  const names = await userNamesById(trx, rows.map((r) => r.recorded_by));
  const children = await personRefsById(trx, rows.flatMap((r) => (r.child_person_id ? [r.child_person_id] : [])));
  return rows.map((r) => {
    const child = r.child_person_id ? children.get(r.child_person_id) : undefined;
    return {
      id: r.id,
      caseId: r.case_id,
      child: child ? { personId: child.personId, surname: child.surname, givenName: child.givenName, patronymic: child.patronymic } : null,
      activityDate: r.activity_date,
      kind: r.activity_kind as PreparationActivityKind,
      description: r.description,
      conductedBy: r.conducted_by,
      notes: r.notes,
      recordedBy: { id: r.recorded_by, name: names.get(r.recorded_by) ?? '' },
      createdAt: isoOf(r.created_at),
    };
  });
}

/** Preparation activities of a case, newest first, keyset-paginated on (activity_date, created_at, id); one audit row per page. */
export async function listPreparationActivities(deps: Deps, actor: RequestActor, caseId: string, opts: { limit: number; cursor?: string | undefined }) {
  const pos = decodeCursor(opts.cursor, ['on', 'at', 'id'] as const);
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view', today);
    let q = trx.selectFrom('reunification_preparations as p').selectAll('p').where('p.case_id', '=', caseId);
    if (pos?.on && pos.at && pos.id) q = q.where(sql<boolean>`(p.activity_date, p.created_at, p.id) < (${pos.on}::date, ${pos.at}::timestamptz, ${pos.id}::uuid)`);
    const rows = await q.orderBy('p.activity_date', 'desc').orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(opts.limit + 1).execute();
    const page = rows.slice(0, opts.limit);
    const last = page[page.length - 1];
    await appendAudit(trx, { actor, action: 'list', entity: 'preparation_activity', entityId: '', details: { caseId, ids: page.map((r) => r.id) } }, now);
    const mayAdd = hasPreparation(caseRow.case_type as Parameters<typeof hasPreparation>[0]) && mayOnCase(actor, 'case.contribute', caseRow);
    return {
      items: await present(trx, page),
      nextCursor: rows.length > opts.limit && last ? encodeCursor({ on: last.activity_date, at: isoOf(last.created_at), id: last.id }) : null,
      allowedActions: mayAdd ? ['create' as const] : [],
    };
  });
}

/**
 * Records an activity preparing the child and family for reunification or placement (SPEC §2.10). The case manager,
 * the supervisor and members of the case's team may; only case types that go through reunification have it.
 */
export async function recordPreparationActivity(deps: Deps, actor: RequestActor, caseId: string, input: PreparationActivityRequest): Promise<PreparationActivityView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.contribute', today);
    if (!hasPreparation(caseRow.case_type as Parameters<typeof hasPreparation>[0])) {
      throw new DomainError('preparation_not_applicable', 'This case type does not go through reunification or placement', { caseType: caseRow.case_type });
    }
    checkPreparationDate(input.activityDate, today);
    if (input.childPersonId) await requireCaseChild(trx, caseId, input.childPersonId);
    const row = await trx
      .insertInto('reunification_preparations')
      .values({
        case_id: caseId,
        child_person_id: input.childPersonId,
        activity_date: input.activityDate,
        activity_kind: input.kind,
        description: input.description,
        conducted_by: input.conductedBy,
        notes: input.notes,
        recorded_by: actor.userId,
        hromada_id: caseRow.hromada_id,
        organisation_id: caseRow.organisation_id,
        // From the clock, at millisecond precision, so that the list cursor reproduces it exactly.
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'preparation_activity_recorded', data: { activityId: row.id, activityKind: input.kind, activityDate: input.activityDate }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'preparation_activity', entityId: row.id, details: { caseId } }, now);
    const [view] = await present(trx, [row]);
    return view as PreparationActivityView;
  });
}
