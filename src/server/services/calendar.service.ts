import type { CalendarConfig } from '#domain/calendar/working-calendar.ts';
import type { DeadlineRule, DeadlineUnit } from '#domain/deadlines/deadline-rules.ts';
import type { Deps, Tx } from '../lib/context.ts';

/** The working-calendar regimes configured in the database (SPEC §2.15). */
export async function loadCalendarConfig(db: Tx): Promise<CalendarConfig> {
  const rows = await db.selectFrom('calendar_regimes').selectAll().orderBy('valid_from').execute();
  return { regimes: rows.map((r) => ({ regime: r.regime === 'martial_law' ? 'martial_law' : 'peacetime', from: r.valid_from, to: r.valid_to })) };
}

/** The deadline table configured in the database. */
export async function loadDeadlineRules(db: Tx): Promise<DeadlineRule[]> {
  const rows = await db.selectFrom('deadline_rules').selectAll().execute();
  return rows.map((r) => ({ key: r.key, caseType: r.case_type, amount: r.amount, unit: r.unit as DeadlineUnit, sourceUk: r.source_uk, sourceEn: r.source_en }));
}

/** The deadline table, general rules first. */
export async function listDeadlineRules(deps: Pick<Deps, 'db'>): Promise<DeadlineRule[]> {
  const rules = await loadDeadlineRules(deps.db);
  return rules.sort((a, b) => a.key.localeCompare(b.key) || (a.caseType ?? '').localeCompare(b.caseType ?? ''));
}

/** Sets one rule (for all case types when `caseType` is null), replacing the one it overrides. */
export async function setDeadlineRule(deps: Pick<Deps, 'db' | 'now'>, rule: DeadlineRule): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    let del = trx.deleteFrom('deadline_rules').where('key', '=', rule.key);
    del = rule.caseType === null ? del.where('case_type', 'is', null) : del.where('case_type', '=', rule.caseType);
    await del.execute();
    await trx.insertInto('deadline_rules').values({ key: rule.key, case_type: rule.caseType, amount: rule.amount, unit: rule.unit, source_uk: rule.sourceUk, source_en: rule.sourceEn, updated_at: deps.now() }).execute();
  });
}
