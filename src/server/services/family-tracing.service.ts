import { sql } from 'kysely';
import {
  assertFamilyAssessmentCompletable,
  checkAttemptDate,
  checkRelativeVerification,
  findFamilyAssessmentGaps,
  type CareCapacity,
  type Readiness,
  type RelativeRelation,
  type TracingMethod,
  type TracingOutcome,
  type VerificationMethod,
  type Willingness,
} from '#domain/cases/family-tracing.ts';
import { DomainError } from '#domain/errors.ts';
import type { FamilyAssessmentContent } from '#contracts/family-tracing.contract.ts';
import type { PersonInput } from '#contracts/persons.contract.ts';
import { mayOnCase } from '../lib/case-access.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { addCaseEvent, addOrCoalesceCaseEvent } from '../db/repositories/cases.repository.ts';
import { findCaseMemberRole, isoOf, listCaseChildIds, personRefsById, requireCaseChild, userNamesById } from '../db/repositories/safety-tracing.repository.ts';
import { appendAudit } from './audit.service.ts';
import { loadCaseFor } from './cases.service.ts';
import { personKeys } from './intake.service.ts';
import { assertCurrentVersion, lostUpdate } from '../lib/versioning.ts';

type CaseRow = Awaited<ReturnType<typeof loadCaseFor>>;

// ─── Tracing attempts (SPEC §2.7; 000 §3.3) ────────────────────────────────────────────────────────────────────

/** A tracing attempt as entered. */
export type TracingAttemptInput = { soughtPersonId: string | null; soughtName: string; soughtRelation: string; method: TracingMethod; attemptedOn: string; outcome: TracingOutcome; notes: string };

type AttemptRow = {
  id: string;
  case_id: string;
  sought_person_id: string | null;
  sought_name: string;
  sought_relation: string;
  method: string;
  attempted_on: string;
  outcome: string;
  notes: string;
  recorded_by: string;
  created_at: Date;
};

async function presentAttempts(trx: Tx, rows: AttemptRow[]) {
  const names = await userNamesById(trx, rows.map((r) => r.recorded_by));
  const persons = await personRefsById(trx, rows.flatMap((r) => (r.sought_person_id ? [r.sought_person_id] : [])));
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    soughtPerson: r.sought_person_id ? (persons.get(r.sought_person_id) ?? null) : null,
    soughtName: r.sought_name,
    soughtRelation: r.sought_relation,
    method: r.method as TracingMethod,
    attemptedOn: r.attempted_on,
    outcome: r.outcome as TracingOutcome,
    notes: r.notes,
    recordedBy: { id: r.recorded_by, name: names.get(r.recorded_by) ?? '' },
    createdAt: isoOf(r.created_at),
  }));
}

/** Tracing attempts of a case, newest first, keyset-paginated on (attempted_on, created_at, id); one audit row per page. */
export async function listTracingAttempts(deps: Deps, actor: RequestActor, caseId: string, opts: { limit: number; cursor?: string | undefined }) {
  const pos = decodeCursor(opts.cursor, ['on', 'at', 'id'] as const);
  return deps.db.transaction().execute(async (trx) => {
    await loadCaseFor(trx, actor, caseId, 'case.view');
    let q = trx.selectFrom('tracing_attempts as t').selectAll('t').where('t.case_id', '=', caseId);
    if (pos?.on && pos.at && pos.id) q = q.where(sql<boolean>`(t.attempted_on, t.created_at, t.id) < (${pos.on}::date, ${pos.at}::timestamptz, ${pos.id}::uuid)`);
    const rows = await q.orderBy('t.attempted_on', 'desc').orderBy('t.created_at', 'desc').orderBy('t.id', 'desc').limit(opts.limit + 1).execute();
    const page = rows.slice(0, opts.limit);
    const last = page[page.length - 1];
    await appendAudit(trx, { actor, action: 'list', entity: 'tracing_attempt', entityId: '', details: { caseId, ids: page.map((r) => r.id) } }, deps.now());
    return {
      items: await presentAttempts(trx, page),
      nextCursor: rows.length > opts.limit && last ? encodeCursor({ on: last.attempted_on, at: isoOf(last.created_at), id: last.id }) : null,
    };
  });
}

/** A person may be sought by id only when the case already knows them: a member or a relative found. */
async function requireKnownToCase(trx: Tx, caseId: string, personId: string): Promise<void> {
  if (await findCaseMemberRole(trx, caseId, personId)) return;
  const relative = await trx.selectFrom('relatives').select('id').where('case_id', '=', caseId).where('person_id', '=', personId).executeTakeFirst();
  if (!relative) throw new DomainError('person_not_in_case', 'The person is not a member or a relative of this case', { personId });
}

/** Logs one search for parents or kin with its outcome; attempts are a log, never edited. */
export async function recordTracingAttempt(deps: Deps, actor: RequestActor, caseId: string, input: TracingAttemptInput) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    checkAttemptDate(input.attemptedOn, todayInKyiv(now));
    if (input.soughtPersonId) await requireKnownToCase(trx, caseId, input.soughtPersonId);
    const row = await trx
      .insertInto('tracing_attempts')
      .values({
        case_id: caseId,
        sought_person_id: input.soughtPersonId,
        sought_name: input.soughtName,
        sought_relation: input.soughtRelation,
        method: input.method,
        attempted_on: input.attemptedOn,
        outcome: input.outcome,
        notes: input.notes,
        recorded_by: actor.userId,
        hromada_id: caseRow.hromada_id,
        organisation_id: caseRow.organisation_id,
        // From the clock, at millisecond precision, so that the list cursor reproduces it exactly.
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'tracing_attempt_recorded', data: { attemptId: row.id, method: input.method, outcome: input.outcome }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'tracing_attempt', entityId: row.id, details: { caseId } }, now);
    const [view] = await presentAttempts(trx, [row]);
    return view as NonNullable<typeof view>;
  });
}

// ─── Relatives (SPEC §2.7; 000 §3.3 item 2) ─────────────────────────────────────────────────────────────────────

/** Verification and assessment of a relative as entered. */
export type RelativeAssessmentInput = {
  relation: RelativeRelation;
  contact: string;
  verified: boolean;
  verifiedOn: string | null;
  verificationMethod: VerificationMethod | null;
  willingness: Willingness;
  capacity: CareCapacity | null;
  assessmentNotes: string;
};

async function findRelative(trx: Tx, caseId: string, relativeId: string) {
  const row = await trx.selectFrom('relatives').selectAll().where('id', '=', relativeId).where('case_id', '=', caseId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Not found');
  return row;
}

type RelativeRow = Awaited<ReturnType<typeof findRelative>>;

async function presentRelatives(trx: Tx, actor: RequestActor, caseRow: CaseRow, rows: RelativeRow[]) {
  const names = await userNamesById(trx, rows.map((r) => r.added_by));
  const persons = await personRefsById(trx, rows.map((r) => r.person_id));
  const mayEdit = mayOnCase(actor, 'needs_assessment.edit', caseRow);
  return rows.map((r) => {
    const person = persons.get(r.person_id);
    if (!person) throw new Error(`person ${r.person_id} missing`);
    return {
      id: r.id,
      caseId: r.case_id,
      version: r.version,
      person,
      childPersonId: r.child_person_id,
      relation: r.relation as RelativeRelation,
      contact: r.contact,
      verified: r.verified,
      verifiedOn: r.verified_on,
      verificationMethod: r.verification_method as VerificationMethod | null,
      willingness: r.willingness as Willingness,
      capacity: r.capacity as CareCapacity | null,
      assessmentNotes: r.assessment_notes,
      addedBy: { id: r.added_by, name: names.get(r.added_by) ?? '' },
      createdAt: isoOf(r.created_at),
      updatedAt: isoOf(r.updated_at),
      allowedActions: mayEdit ? ['update' as const] : [],
    };
  });
}

async function presentRelative(trx: Tx, actor: RequestActor, caseRow: CaseRow, relativeId: string) {
  const [view] = await presentRelatives(trx, actor, caseRow, [await findRelative(trx, caseRow.id, relativeId)]);
  if (!view) throw new DomainError('not_found', 'Not found');
  return view;
}

/** Relatives found for the children of a case, in the order they were added (one audit row for the list). */
export async function listRelatives(deps: Deps, actor: RequestActor, caseId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view');
    const rows = await trx.selectFrom('relatives').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
    const items = await presentRelatives(trx, actor, caseRow, rows);
    await appendAudit(trx, { actor, action: 'list', entity: 'relative', entityId: '', details: { caseId, ids: rows.map((r) => r.id) } }, deps.now());
    return { items };
  });
}

/** The child a relative is linked to: the one named, or the only child of the case. */
async function resolveChild(trx: Tx, caseId: string, childPersonId: string | undefined): Promise<string> {
  if (childPersonId) {
    await requireCaseChild(trx, caseId, childPersonId);
    return childPersonId;
  }
  const children = await listCaseChildIds(trx, caseId);
  if (children.length !== 1 || !children[0]) throw new DomainError('child_required', 'Choose the child this person is a relative of');
  return children[0];
}

/**
 * Adds a relative found by tracing: an existing person of the case's hromada, or a new person created once in
 * `persons` like intake does (ARCHITECTURE: a person exists once).
 */
export async function addRelative(
  deps: Deps,
  actor: RequestActor,
  caseId: string,
  input: RelativeAssessmentInput & { personId?: string | undefined; person?: PersonInput | undefined; childPersonId?: string | undefined },
) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    checkRelativeVerification(input, todayInKyiv(now));
    const childPersonId = await resolveChild(trx, caseId, input.childPersonId);
    let personId: string;
    if (input.personId) {
      const p = await trx.selectFrom('persons').select(['id', 'hromada_id']).where('id', '=', input.personId).executeTakeFirst();
      // Need-to-know: only persons of the case's own hromada (as the duplicate search offers them) or of the case itself.
      const known = p && (p.hromada_id === caseRow.hromada_id || (await findCaseMemberRole(trx, caseId, p.id)));
      if (!p || !known) throw new DomainError('person_not_found', 'The chosen person was not found');
      personId = p.id;
    } else if (input.person) {
      const p = input.person;
      const created = await trx
        .insertInto('persons')
        .values({ surname: p.surname, given_name: p.givenName, patronymic: p.patronymic, birth_date: p.birthDate, sex: p.sex, disability: p.disability, latin_name: p.latinName, ...personKeys(p), hromada_id: caseRow.hromada_id, organisation_id: caseRow.organisation_id })
        .returning('id')
        .executeTakeFirstOrThrow();
      personId = created.id;
      await appendAudit(trx, { actor, action: 'create', entity: 'person', entityId: personId }, now);
    } else {
      throw new DomainError('person_or_person_id', 'Name an existing person or a new one');
    }
    if (personId === childPersonId) throw new DomainError('relative_is_child', 'A child cannot be their own relative');
    const exists = await trx.selectFrom('relatives').select('id').where('case_id', '=', caseId).where('person_id', '=', personId).where('child_person_id', '=', childPersonId).executeTakeFirst();
    if (exists) throw new DomainError('relative_exists', 'This person is already a relative of this child in the case', { relativeId: exists.id });
    const row = await trx
      .insertInto('relatives')
      .values({
        case_id: caseId,
        person_id: personId,
        child_person_id: childPersonId,
        relation: input.relation,
        contact: input.contact,
        verified: input.verified,
        verified_on: input.verifiedOn,
        verification_method: input.verificationMethod,
        willingness: input.willingness,
        capacity: input.capacity,
        assessment_notes: input.assessmentNotes,
        added_by: actor.userId,
        hromada_id: caseRow.hromada_id,
        organisation_id: caseRow.organisation_id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'relative_added', data: { relativeId: row.id, personId, childPersonId, relation: input.relation }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'relative', entityId: row.id, details: { caseId, personId } }, now);
    return presentRelative(trx, actor, caseRow, row.id);
  });
}

/** Updates a relative's verification and assessment; the version it was based on must be current. */
export async function saveRelative(deps: Deps, actor: RequestActor, caseId: string, relativeId: string, input: RelativeAssessmentInput & { version: number }) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    const row = await findRelative(trx, caseId, relativeId);
    checkRelativeVerification(input, todayInKyiv(now));
    assertCurrentVersion(row.version, input.version, 'relative');
    const res = await trx
      .updateTable('relatives')
      .set({
        relation: input.relation,
        contact: input.contact,
        verified: input.verified,
        verified_on: input.verifiedOn,
        verification_method: input.verificationMethod,
        willingness: input.willingness,
        capacity: input.capacity,
        assessment_notes: input.assessmentNotes,
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw await lostUpdate(trx, 'relatives', row.id, 'relative');
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'relative_updated', data: { relativeId: row.id, verified: input.verified, willingness: input.willingness, capacity: input.capacity }, at: now });
    await appendAudit(trx, { actor, action: 'update', entity: 'relative', entityId: row.id, details: { caseId } }, now);
    return presentRelative(trx, actor, caseRow, row.id);
  });
}

// ─── Family assessments (SPEC §2.7; 000 §3.4) ──────────────────────────────────────────────────────────────────

async function findFamilyAssessment(trx: Tx, caseId: string, faId: string) {
  const row = await trx.selectFrom('family_assessments').selectAll().where('id', '=', faId).where('case_id', '=', caseId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Not found');
  return row;
}

type FamilyAssessmentRow = Awaited<ReturnType<typeof findFamilyAssessment>>;

function contentOf(r: FamilyAssessmentRow): FamilyAssessmentContent {
  return {
    riskFactors: r.risk_factors,
    protectiveFactors: r.protective_factors,
    strengths: r.strengths,
    siblingsResilience: r.siblings_resilience,
    separationView: r.separation_view,
    readiness: r.readiness as Readiness | null,
    readinessNotes: r.readiness_notes,
    capacity: r.capacity as CareCapacity | null,
    capacityNotes: r.capacity_notes,
    socioEconomic: r.socio_economic,
    apartFromChild: r.apart_from_child,
    place: r.place,
    childViews: r.child_views,
    childViewsNotHeardReason: r.child_views_not_heard_reason,
  };
}

function columnsOf(c: FamilyAssessmentContent) {
  return {
    risk_factors: c.riskFactors,
    protective_factors: c.protectiveFactors,
    strengths: c.strengths,
    siblings_resilience: c.siblingsResilience,
    separation_view: c.separationView,
    readiness: c.readiness,
    readiness_notes: c.readinessNotes,
    capacity: c.capacity,
    capacity_notes: c.capacityNotes,
    socio_economic: c.socioEconomic,
    apart_from_child: c.apartFromChild,
    place: c.place,
    child_views: c.childViews,
    child_views_not_heard_reason: c.childViewsNotHeardReason,
  };
}

async function presentFamilyAssessments(trx: Tx, actor: RequestActor, caseRow: CaseRow, rows: FamilyAssessmentRow[]) {
  const names = await userNamesById(trx, rows.map((r) => r.assessed_by));
  const mayEdit = mayOnCase(actor, 'needs_assessment.edit', caseRow);
  return rows.map((r) => {
    const content = contentOf(r);
    return {
      ...content,
      id: r.id,
      caseId: r.case_id,
      round: r.round,
      version: r.version,
      status: r.status as 'draft' | 'completed',
      assessedBy: { id: r.assessed_by, name: names.get(r.assessed_by) ?? '' },
      missing: findFamilyAssessmentGaps(content),
      completedAt: r.completed_at ? isoOf(r.completed_at) : null,
      createdAt: isoOf(r.created_at),
      updatedAt: isoOf(r.updated_at),
      allowedActions: r.status === 'draft' && mayEdit ? ['update' as const, 'complete' as const] : [],
    };
  });
}

async function presentFamilyAssessment(trx: Tx, actor: RequestActor, caseRow: CaseRow, faId: string) {
  const [view] = await presentFamilyAssessments(trx, actor, caseRow, [await findFamilyAssessment(trx, caseRow.id, faId)]);
  if (!view) throw new DomainError('not_found', 'Not found');
  return view;
}

/** Family assessments of a case, newest round first (one audit row for the list). */
export async function listFamilyAssessments(deps: Deps, actor: RequestActor, caseId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view');
    const rows = await trx.selectFrom('family_assessments').selectAll().where('case_id', '=', caseId).orderBy('round', 'desc').execute();
    const items = await presentFamilyAssessments(trx, actor, caseRow, rows);
    await appendAudit(trx, { actor, action: 'list', entity: 'family_assessment', entityId: '', details: { caseId, ids: rows.map((r) => r.id) } }, deps.now());
    return { items };
  });
}

/** Starts the next round of family assessment; assessment is repeated over time, one draft at a time (SPEC §2.5, §2.7). */
export async function createFamilyAssessment(deps: Deps, actor: RequestActor, caseId: string, input: FamilyAssessmentContent) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    const draft = await trx.selectFrom('family_assessments').select('id').where('case_id', '=', caseId).where('status', '=', 'draft').executeTakeFirst();
    if (draft) throw new DomainError('family_assessment_draft_exists', 'The case already has a draft family assessment', { familyAssessmentId: draft.id });
    const last = await trx.selectFrom('family_assessments').select((eb) => eb.fn.max<number | null>('round').as('round')).where('case_id', '=', caseId).executeTakeFirst();
    const round = Number(last?.round ?? 0) + 1;
    const row = await trx
      .insertInto('family_assessments')
      .values({ case_id: caseId, round, ...columnsOf(input), assessed_by: actor.userId, hromada_id: caseRow.hromada_id, organisation_id: caseRow.organisation_id, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'family_assessment_started', data: { familyAssessmentId: row.id, round }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'family_assessment', entityId: row.id, details: { caseId, round } }, now);
    return presentFamilyAssessment(trx, actor, caseRow, row.id);
  });
}

async function loadFamilyDraftAt(trx: Tx, caseId: string, faId: string, version: number) {
  const row = await findFamilyAssessment(trx, caseId, faId);
  if (row.status !== 'draft') throw new DomainError('family_assessment_completed', 'The family assessment is completed and can no longer be changed');
  assertCurrentVersion(row.version, version, 'family assessment');
  return row;
}

/** Saves a draft family assessment; the version it was based on must be current. */
export async function saveFamilyAssessment(deps: Deps, actor: RequestActor, caseId: string, faId: string, input: FamilyAssessmentContent & { version: number }) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    const row = await loadFamilyDraftAt(trx, caseId, faId, input.version);
    const res = await trx
      .updateTable('family_assessments')
      .set({ ...columnsOf(input), version: row.version + 1, updated_at: now })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw await lostUpdate(trx, 'family_assessments', row.id, 'family assessment');
    await addOrCoalesceCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'family_assessment_saved', at: now });
    await appendAudit(trx, { actor, action: 'update', entity: 'family_assessment', entityId: row.id, details: { caseId } }, now);
    return presentFamilyAssessment(trx, actor, caseRow, row.id);
  });
}

/** Completes a family assessment when every part is there (domain `findFamilyAssessmentGaps`); it no longer changes. */
export async function completeFamilyAssessment(deps: Deps, actor: RequestActor, caseId: string, faId: string, input: { version: number }) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    const row = await loadFamilyDraftAt(trx, caseId, faId, input.version);
    assertFamilyAssessmentCompletable(contentOf(row));
    const res = await trx
      .updateTable('family_assessments')
      .set({ status: 'completed', completed_at: now, version: row.version + 1, updated_at: now })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw await lostUpdate(trx, 'family_assessments', row.id, 'family assessment');
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'family_assessment_completed', data: { familyAssessmentId: row.id, round: row.round, readiness: row.readiness, capacity: row.capacity }, at: now });
    await appendAudit(trx, { actor, action: 'update', entity: 'family_assessment', entityId: row.id, details: { caseId, completed: true } }, now);
    return presentFamilyAssessment(trx, actor, caseRow, row.id);
  });
}
