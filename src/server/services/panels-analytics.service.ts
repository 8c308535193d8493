import { canReadPanelAnalytics } from '#domain/access/panel-policy.ts';
import { DomainError } from '#domain/errors.ts';
import { ageBandOf, careOptions, quarterOf, type CareOption } from '#domain/panels/panels.ts';
import type { AnalyticsView } from '#contracts/panels.contract.ts';
import { todayInKyiv, type Deps, type RequestActor } from '../lib/context.ts';

/**
 * Adopted best-interests decisions as aggregates only (SPEC §3, §10, §11): by option, age band, sex and disability,
 * and the share of family-based against institutional decisions per quarter (overall, and per body and territory); filtered
 * by body and by territory (with everything within it) and period. No names, no ids of
 * persons leave this function.
 */
export async function panelAnalytics(deps: Deps, actor: RequestActor, query: { bodyId?: string | undefined; territoryId?: string | undefined; from?: string | undefined; to?: string | undefined }): Promise<AnalyticsView> {
  if (!canReadPanelAnalytics(actor)) throw new DomainError('forbidden', 'You may not see the panel analytics');
  if (query.from && query.to && query.from > query.to) throw new DomainError('invalid_period', 'The period ends before it starts', { path: 'to' });
  let q = deps.db
    .selectFrom('panel_determinations as d')
    .innerJoin('panel_submissions as s', 's.id', 'd.submission_id')
    .innerJoin('panel_agenda_items as i', 'i.submission_id', 's.id')
    .innerJoin('panel_meetings as m', 'm.id', 'i.meeting_id')
    .innerJoin('panel_bodies as b', 'b.id', 's.body_id')
    .innerJoin('territories as t', 't.id', 'b.territory_id')
    .innerJoin('persons as p', 'p.id', 's.child_person_id')
    .select(['d.chosen_option', 'm.scheduled_at', 'b.id as bodyId', 'b.name_uk as bodyUk', 'b.name_en as bodyEn', 't.id as tId', 't.name_uk as tUk', 't.name_en as tEn', 'p.birth_date', 'p.sex', 'p.disability'])
    .where('d.adopted_at', 'is not', null);
  if (query.bodyId) q = q.where('b.id', '=', query.bodyId);
  if (query.territoryId) {
    // The territory and everything within it (an oblast covers its council and its hromadas' panels).
    const within = query.territoryId;
    q = q
      .leftJoin('territories as t1', 't1.id', 't.parent_id')
      .leftJoin('territories as t2', 't2.id', 't1.parent_id')
      .leftJoin('territories as t3', 't3.id', 't2.parent_id')
      .where((eb) => eb.or([eb('t.id', '=', within), eb('t1.id', '=', within), eb('t2.id', '=', within), eb('t3.id', '=', within)]));
  }
  const rows = (await q.execute())
    .map((r) => ({ ...r, day: todayInKyiv(new Date(r.scheduled_at)) }))
    .filter((r) => (!query.from || r.day >= query.from) && (!query.to || r.day <= query.to));
  const tally = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m].map(([key, count]) => ({ key, count }));
  };
  const byOption = careOptions.map((o) => ({ key: o, count: rows.filter((r) => r.chosen_option === o).length }));
  const groups = new Map<string, AnalyticsView['overTime'][number]>();
  for (const r of rows) {
    const quarter = quarterOf(r.day);
    const key = `${quarter}|${r.bodyId}`;
    const g = groups.get(key) ?? { quarter, body: { id: r.bodyId, nameUk: r.bodyUk, nameEn: r.bodyEn }, territory: { id: r.tId, nameUk: r.tUk, nameEn: r.tEn }, familyBased: 0, institutional: 0, familyBasedPercent: 0 };
    if ((r.chosen_option as CareOption) === 'institution') g.institutional += 1;
    else g.familyBased += 1;
    groups.set(key, g);
  }
  const overTime = [...groups.values()]
    .map((g) => ({ ...g, familyBasedPercent: Math.round((100 * g.familyBased) / (g.familyBased + g.institutional)) }))
    .sort((a, b) => a.quarter.localeCompare(b.quarter) || a.body.nameUk.localeCompare(b.body.nameUk, 'uk'));
  const quarters = new Map<string, { familyBased: number; institutional: number }>();
  for (const g of overTime) {
    const x = quarters.get(g.quarter) ?? { familyBased: 0, institutional: 0 };
    quarters.set(g.quarter, { familyBased: x.familyBased + g.familyBased, institutional: x.institutional + g.institutional });
  }
  const byQuarter = [...quarters].map(([quarter, x]) => ({ quarter, ...x, familyBasedPercent: Math.round((100 * x.familyBased) / (x.familyBased + x.institutional)) })).sort((a, b) => a.quarter.localeCompare(b.quarter));
  return {
    total: rows.length,
    byQuarter,
    byOption,
    byAgeBand: tally(rows.map((r) => ageBandOf(r.birth_date, r.day))).sort((a, b) => a.key.localeCompare(b.key)),
    bySex: tally(rows.map((r) => r.sex)).sort((a, b) => a.key.localeCompare(b.key)),
    byDisability: tally(rows.map((r) => (r.disability ? 'with_disability' : 'without_disability'))).sort((a, b) => a.key.localeCompare(b.key)),
    overTime,
  };
}
