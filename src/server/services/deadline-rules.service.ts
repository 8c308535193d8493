import { hasRole } from '#domain/access/actor.ts';
import type { CaseType } from '#domain/cases/case-types.ts';
import type { DeadlineUnit } from '#domain/deadlines/deadline-rules.ts';
import { DomainError } from '#domain/errors.ts';
import type { DeadlineRuleUpdate, DeadlineRuleView, DeadlineRulesList } from '#contracts/deadline-rules.contract.ts';
import type { Deps, RequestActor, Tx } from '../lib/context.ts';
import { appendAudit } from './audit.service.ts';
import { loadCalendarConfig } from './calendar.service.ts';

/** The amounts a unit allows: a same-day term has none; day terms up to a year; month terms up to ten years. */
export const deadlineAmountRange: Record<DeadlineUnit, { min: number; max: number }> = {
  same_day: { min: 0, max: 0 },
  working_days: { min: 1, max: 366 },
  calendar_days: { min: 1, max: 366 },
  months: { min: 1, max: 120 },
};

function assertAdmin(actor: RequestActor): void {
  if (!hasRole(actor, 'system_admin')) throw new DomainError('forbidden', 'Only system administrators configure deadlines', { reason: 'not_system_admin' });
}

type RuleRow = { id: string; key: string; case_type: string | null; amount: number; unit: string; source_uk: string; source_en: string; updated_at: Date | string };

function present(r: RuleRow): DeadlineRuleView {
  return {
    id: r.id,
    key: r.key,
    caseType: r.case_type as CaseType | null,
    amount: r.amount,
    unit: r.unit as DeadlineUnit,
    sourceUk: r.source_uk,
    sourceEn: r.source_en,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

async function loadRules(trx: Tx): Promise<DeadlineRuleView[]> {
  const rows = await trx.selectFrom('deadline_rules').selectAll().execute();
  // General rules first within a key, as `rodyna deadlines list` prints them.
  return rows.map(present).sort((a, b) => a.key.localeCompare(b.key) || (a.caseType ?? '').localeCompare(b.caseType ?? ''));
}

/** The deadline table with the working-calendar regimes (SPEC §2.15), for system administrators. */
export async function listDeadlineRulesForAdmin(deps: Deps, actor: RequestActor): Promise<DeadlineRulesList> {
  assertAdmin(actor);
  return deps.db.transaction().execute(async (trx) => {
    const items = await loadRules(trx);
    const calendar = await loadCalendarConfig(trx);
    return { items, regimes: calendar.regimes.map((r) => ({ regime: r.regime, from: r.from, to: r.to ?? null })), allowedActions: ['edit' as const] };
  });
}

/**
 * Changes the period, unit and legal source of one rule (system administrators only). The table has no version column,
 * so the row's `updated_at` as last read is the concurrency token: a stale one answers 409. Deadlines already computed
 * keep their dates; the new rule applies to deadlines computed from now on. Audited with the values before and after.
 */
export async function updateDeadlineRule(deps: Deps, actor: RequestActor, id: string, input: DeadlineRuleUpdate): Promise<DeadlineRuleView> {
  assertAdmin(actor);
  const range = deadlineAmountRange[input.unit];
  if (input.amount < range.min || input.amount > range.max) {
    throw new DomainError('invalid_deadline_amount', `For ${input.unit} the amount must be from ${range.min} to ${range.max}`, { unit: input.unit, min: range.min, max: range.max });
  }
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('deadline_rules').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'Not found');
    const sent = new Date(input.updatedAt);
    if (Number.isNaN(sent.getTime()) || sent.getTime() !== new Date(row.updated_at).getTime()) {
      throw new DomainError('version_conflict', 'The rule was changed by someone else', { updatedAt: new Date(row.updated_at).toISOString() });
    }
    const updated = await trx
      .updateTable('deadline_rules')
      .set({ amount: input.amount, unit: input.unit, source_uk: input.sourceUk, source_en: input.sourceEn, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      {
        actor,
        action: 'update',
        entity: 'deadline_rule',
        entityId: id,
        details: {
          key: row.key,
          caseType: row.case_type,
          before: { amount: row.amount, unit: row.unit, sourceUk: row.source_uk, sourceEn: row.source_en },
          after: { amount: input.amount, unit: input.unit, sourceUk: input.sourceUk, sourceEn: input.sourceEn },
        },
      },
      now,
    );
    return present(updated);
  });
}
