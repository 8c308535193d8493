import { sql } from 'kysely';
import { canEditCommunityPlanning } from '#domain/access/planning-policy.ts';
import { DomainError } from '#domain/errors.ts';
import { compareWithSystem, groupKey, serviceGaps, suppress, type GapReason } from '#domain/planning/needs.ts';
import type { NeedsAssessmentView, PublicSummary } from '#contracts/community-planning.contract.ts';
import { enteredFigure, finding, needsAssessmentCreate, needsAssessmentUpdate } from '#contracts/community-planning.contract.ts';
import type { z } from 'zod';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { assertCurrentVersion } from '../lib/versioning.ts';
import { appendAudit } from './audit.service.ts';
import { loadHromada, readableHromadas, requirePlannerRole, requirePlanningEdit, requirePlanningRead, yearBounds } from './community-access.service.ts';

/**
 * The community needs assessment (SPEC §8; 002 Stage 1). The system's own counts are computed on every read from
 * cases, notifications, needs assessments, referrals and unmet need of the hromada in the year — aggregates only,
 * no person is named — next to entered figures and findings with their sources.
 */

type Figure = z.infer<typeof enteredFigure>;
type Finding = z.infer<typeof finding>;

/** The system's counts for a hromada and year (group key → count). Exported for the recount test. */
export async function systemCounts(trx: Tx, hromadaId: string, year: number): Promise<Map<string, number>> {
  const b = yearBounds(year);
  const counts = new Map<string, number>();
  const active = trx
    .selectFrom('cases as c')
    .where('c.hromada_id', '=', hromadaId)
    .where('c.registered_on', '<=', b.toDate)
    .where((eb) => eb.or([eb('c.closed_on', 'is', null), eb('c.closed_on', '>=', b.fromDate)]));
  const byType = await active.select(['c.case_type', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('c.case_type').execute();
  counts.set(groupKey('cases_active'), byType.reduce((s, r) => s + Number(r.n), 0));
  for (const r of byType) counts.set(groupKey('case_type', r.case_type), Number(r.n));
  for (const [kind, column] of [['child_factor', 'child_factors'], ['adult_factor', 'adult_factors']] as const) {
    const rows = await sql<{ f: string; n: number }>`
      SELECT f, count(DISTINCT c.id) AS n
      FROM cases c JOIN notifications n ON n.case_id = c.id CROSS JOIN LATERAL unnest(n.${sql.ref(column)}) AS f
      WHERE c.hromada_id = ${hromadaId} AND c.registered_on <= ${b.toDate} AND (c.closed_on IS NULL OR c.closed_on >= ${b.fromDate})
      GROUP BY f`.execute(trx);
    for (const r of rows.rows) counts.set(groupKey(kind, r.f), Number(r.n));
  }
  const assessed = await trx
    .selectFrom('needs_assessments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('hromada_id', '=', hromadaId)
    .where('status', '=', 'completed')
    .where('completed_at', '>=', b.fromInstant)
    .where('completed_at', '<', b.toInstant)
    .executeTakeFirstOrThrow();
  counts.set(groupKey('needs_assessments_completed'), Number(assessed.n));
  const referrals = await trx
    .selectFrom('referrals')
    .select(['service_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('hromada_id', '=', hromadaId)
    .where('status', '!=', 'draft')
    .where('sent_at', '>=', b.fromInstant)
    .where('sent_at', '<', b.toInstant)
    .groupBy('service_code')
    .execute();
  for (const r of referrals) counts.set(groupKey('referrals', r.service_code), Number(r.n));
  const unmet = await trx
    .selectFrom('unmet_needs')
    .select(['service_code', (eb) => eb.fn.sum<number>('count').as('n')])
    .where('hromada_id', '=', hromadaId)
    .where('recorded_on', '>=', b.fromDate)
    .where('recorded_on', '<=', b.toDate)
    .groupBy('service_code')
    .execute();
  for (const r of unmet) counts.set(groupKey('unmet_need', r.service_code), Number(r.n));
  return counts;
}

/** Providers serving the hromada per service, and service gaps against referrals, planned recipients and unmet need. */
async function supplyAndGaps(trx: Tx, hromadaId: string, year: number, counts: Map<string, number>) {
  const providers = await trx
    .selectFrom('provider_profiles as p')
    .innerJoin('provider_territories as pt', 'pt.provider_id', 'p.id')
    .innerJoin('provider_services as ps', 'ps.provider_id', 'p.id')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['ps.service_code', 'ps.capacity', 'o.name_uk', 'o.name_en'])
    .where('pt.hromada_id', '=', hromadaId)
    .where('p.status', '=', 'active')
    .execute();
  const planned = await trx.selectFrom('community_programmes').select(['costings']).where('hromada_id', '=', hromadaId).where('from_year', '<=', year).where('to_year', '>=', year).execute();
  const demandPlanned = new Map<string, number>();
  for (const p of planned) for (const c of p.costings as Array<{ serviceCode: string; expectedRecipients: number }>) demandPlanned.set(c.serviceCode, (demandPlanned.get(c.serviceCode) ?? 0) + c.expectedRecipients);
  const codes = new Set<string>([...providers.map((p) => p.service_code), ...demandPlanned.keys()]);
  for (const k of counts.keys()) if (k.startsWith('referrals:') || k.startsWith('unmet_need:')) codes.add(k.slice(k.indexOf(':') + 1));
  const catalogue = codes.size === 0 ? [] : await trx.selectFrom('service_catalogue').select(['code', 'name_uk', 'name_en', 'sort_order']).where('code', 'in', [...codes]).orderBy('sort_order').orderBy('code').execute();
  const providerMap = catalogue
    .map((s) => {
      const ps = providers.filter((p) => p.service_code === s.code).sort((a, b) => a.name_uk.localeCompare(b.name_uk, 'uk'));
      const capacity = ps.length === 0 || ps.every((p) => p.capacity === null) ? null : ps.reduce((a, p) => a + (p.capacity ?? 0), 0);
      return { serviceCode: s.code, nameUk: s.name_uk, nameEn: s.name_en, providers: ps.map((p) => ({ nameUk: p.name_uk, nameEn: p.name_en, capacity: p.capacity })), capacity };
    });
  const names = new Map(catalogue.map((s) => [s.code, s]));
  const gaps = serviceGaps(
    providerMap.map((m) => ({
      serviceCode: m.serviceCode,
      providers: m.providers.length,
      capacity: m.capacity,
      demand: (counts.get(groupKey('referrals', m.serviceCode)) ?? 0) + (demandPlanned.get(m.serviceCode) ?? 0),
      unmet: counts.get(groupKey('unmet_need', m.serviceCode)) ?? 0,
    })),
  ).map((g) => ({ ...g, nameUk: names.get(g.serviceCode)?.name_uk ?? g.serviceCode, nameEn: names.get(g.serviceCode)?.name_en ?? g.serviceCode }));
  return { providerMap: providerMap.filter((m) => m.providers.length > 0), gaps };
}

async function loadRow(trx: Tx, id: string) {
  const row = await trx.selectFrom('community_needs_assessments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Not found');
  return row;
}

type Row = Awaited<ReturnType<typeof loadRow>>;

async function viewOf(trx: Tx, actor: RequestActor, row: Row): Promise<NeedsAssessmentView> {
  const h = await loadHromada(trx, row.hromada_id);
  const counts = await systemCounts(trx, row.hromada_id, row.year);
  const figures = row.figures as Figure[];
  const labels = new Map(figures.map((f) => [f.groupKey, f.label]));
  const { providerMap, gaps } = await supplyAndGaps(trx, row.hromada_id, row.year, counts);
  const edit = canEditCommunityPlanning(actor, row.hromada_id);
  return {
    id: row.id,
    hromada: { id: h.id, nameUk: h.nameUk, nameEn: h.nameEn },
    year: row.year,
    horizonYear: row.horizon_year,
    title: row.title,
    publishedOn: row.published_on,
    version: row.version,
    population: row.population,
    childPopulation: row.child_population,
    figures,
    findings: row.findings as Finding[],
    conclusions: row.conclusions,
    systemCounts: [...counts.entries()].map(([k, n]) => ({ groupKey: k, count: n })),
    comparisons: compareWithSystem(counts, figures).map((c) => ({ ...c, label: labels.get(c.groupKey) ?? c.groupKey })),
    providerMap,
    gaps,
    allowedActions: edit ? ['edit', 'publish'] : [],
  };
}

/** Needs assessments of the hromadas the actor may read (optionally one hromada or year). */
export async function listNeedsAssessments(deps: Deps, actor: RequestActor, query: { hromadaId?: string | undefined; year?: number | undefined }) {
  return deps.db.transaction().execute(async (trx) => {
    const allowed = await readableHromadas(trx, actor);
    if (query.hromadaId && allowed && !allowed.has(query.hromadaId)) throw new DomainError('forbidden', 'This hromada is outside your territory');
    let q = trx.selectFrom('community_needs_assessments as a').innerJoin('territories as h', 'h.id', 'a.hromada_id').select(['a.id', 'a.hromada_id', 'h.name_uk', 'h.name_en', 'a.year', 'a.horizon_year', 'a.title', 'a.published_on', 'a.version']);
    if (query.hromadaId) q = q.where('a.hromada_id', '=', query.hromadaId);
    else if (allowed) q = allowed.size === 0 ? q.where(sql<boolean>`false`) : q.where('a.hromada_id', 'in', [...allowed]);
    if (query.year) q = q.where('a.year', '=', query.year);
    const rows = await q.orderBy('a.year', 'desc').execute();
    const items = rows
      .map((r) => ({ id: r.id, hromada: { id: r.hromada_id, nameUk: r.name_uk, nameEn: r.name_en }, year: r.year, horizonYear: r.horizon_year, title: r.title, publishedOn: r.published_on, version: r.version }))
      .sort((a, b) => b.year - a.year || a.hromada.nameUk.localeCompare(b.hromada.nameUk, 'uk'));
    return { items };
  });
}

/** One needs assessment with the system's counts, the side-by-side comparison, provider mapping and gaps. */
export async function getNeedsAssessment(deps: Deps, actor: RequestActor, id: string): Promise<NeedsAssessmentView> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadRow(trx, id);
    await requirePlanningRead(trx, actor, row.hromada_id, true);
    return viewOf(trx, actor, row);
  });
}

/** Starts the hromada's needs assessment for a year (one per year); the horizon is three years. */
export async function createNeedsAssessment(deps: Deps, actor: RequestActor, input: z.infer<typeof needsAssessmentCreate>): Promise<NeedsAssessmentView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    requirePlannerRole(actor);
    await loadHromada(trx, input.hromadaId);
    await requirePlanningRead(trx, actor, input.hromadaId, false);
    requirePlanningEdit(actor, input.hromadaId);
    const exists = await trx.selectFrom('community_needs_assessments').select('id').where('hromada_id', '=', input.hromadaId).where('year', '=', input.year).executeTakeFirst();
    if (exists) throw new DomainError('needs_assessment_exists', 'The hromada already has a needs assessment for this year', { id: exists.id });
    const row = await trx
      .insertInto('community_needs_assessments')
      .values({ hromada_id: input.hromadaId, year: input.year, horizon_year: input.year + 2, title: input.title, population: input.population, child_population: input.childPopulation, created_by: actor.userId, updated_by: actor.userId, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'create', entity: 'community_needs_assessment', entityId: row.id, details: { hromadaId: input.hromadaId, year: input.year } }, now);
    return viewOf(trx, actor, row);
  });
}

async function lockForEdit(trx: Tx, actor: RequestActor, id: string) {
  const row = await trx.selectFrom('community_needs_assessments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Not found');
  await requirePlanningRead(trx, actor, row.hromada_id, true);
  requirePlanningEdit(actor, row.hromada_id);
  return row;
}

/** Saves the entered figures, findings and conclusions; a change after publication withdraws the publication. */
export async function updateNeedsAssessment(deps: Deps, actor: RequestActor, id: string, input: z.infer<typeof needsAssessmentUpdate>): Promise<NeedsAssessmentView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockForEdit(trx, actor, id);
    assertCurrentVersion(row.version, input.version, 'needs assessment');
    if (input.horizonYear < row.year || input.horizonYear > row.year + 2) throw new DomainError('period_invalid', 'The horizon is up to three years from the assessment year', { path: 'horizonYear' });
    const today = todayInKyiv(now);
    const future = [...input.figures, ...input.findings].find((f) => f.sourceDate > today);
    if (future) throw new DomainError('date_in_future', 'The date lies in the future', { field: 'sourceDate' });
    const updated = await trx
      .updateTable('community_needs_assessments')
      .set({ title: input.title, horizon_year: input.horizonYear, population: input.population, child_population: input.childPopulation, figures: JSON.stringify(input.figures), findings: JSON.stringify(input.findings), conclusions: input.conclusions, published_on: null, published_summary: null, updated_by: actor.userId, version: row.version + 1, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'update', entity: 'community_needs_assessment', entityId: id, details: { version: updated.version, figures: input.figures.length, findings: input.findings.length, unpublished: row.published_on !== null } }, now);
    return viewOf(trx, actor, updated);
  });
}

/** Publishes the summary for public review (a snapshot of aggregates; 1–4 suppressed). */
export async function publishNeedsAssessment(deps: Deps, actor: RequestActor, id: string, input: { version: number }): Promise<NeedsAssessmentView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockForEdit(trx, actor, id);
    assertCurrentVersion(row.version, input.version, 'needs assessment');
    const view = await viewOf(trx, actor, row);
    const summary: Omit<PublicSummary, 'id' | 'hromada' | 'year' | 'horizonYear' | 'title' | 'publishedOn'> = {
      counts: view.systemCounts.map((c) => ({ groupKey: c.groupKey, count: suppress(c.count) })),
      figures: view.figures.map((f) => ({ label: f.label, value: suppress(f.value), sourceKind: f.sourceKind, sourceName: f.sourceName, sourceDate: f.sourceDate })),
      findings: view.findings,
      conclusions: view.conclusions,
      gaps: view.gaps.map((g) => ({ serviceCode: g.serviceCode, nameUk: g.nameUk, nameEn: g.nameEn, reasons: g.reasons as GapReason[] })),
    };
    const publishedOn = todayInKyiv(now);
    const updated = await trx.updateTable('community_needs_assessments').set({ published_on: publishedOn, published_summary: JSON.stringify(summary), version: row.version + 1, updated_by: actor.userId, updated_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'update', entity: 'community_needs_assessment', entityId: id, details: { published: true, publishedOn } }, now);
    return viewOf(trx, actor, updated);
  });
}

/** Published summaries, for every signed-in user (public review). */
export async function listPublishedSummaries(deps: Deps) {
  const rows = await deps.db
    .selectFrom('community_needs_assessments as a')
    .innerJoin('territories as h', 'h.id', 'a.hromada_id')
    .select(['a.id', 'a.hromada_id', 'h.name_uk', 'h.name_en', 'a.year', 'a.horizon_year', 'a.title', 'a.published_on', 'a.version'])
    .where('a.published_on', 'is not', null)
    .orderBy('a.year', 'desc')
    .execute();
  return { items: rows.map((r) => ({ id: r.id, hromada: { id: r.hromada_id, nameUk: r.name_uk, nameEn: r.name_en }, year: r.year, horizonYear: r.horizon_year, title: r.title, publishedOn: r.published_on, version: r.version })) };
}

/** The published summary (404 while not published). */
export async function getPublicSummary(deps: Deps, id: string): Promise<PublicSummary> {
  const row = await deps.db.selectFrom('community_needs_assessments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.published_on === null || row.published_summary === null) throw new DomainError('not_found', 'Not found');
  const h = await loadHromada(deps.db, row.hromada_id);
  const s = row.published_summary as Omit<PublicSummary, 'id' | 'hromada' | 'year' | 'horizonYear' | 'title' | 'publishedOn'>;
  return { id: row.id, hromada: { id: h.id, nameUk: h.nameUk, nameEn: h.nameEn }, year: row.year, horizonYear: row.horizon_year, title: row.title, publishedOn: row.published_on, ...s };
}
