import type { CalendarConfig } from '#domain/calendar/working-calendar.ts';
import type { DeadlineRule, DeadlineUnit } from '#domain/deadlines/deadline-rules.ts';
import type { Tx } from '../lib/context.ts';

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
