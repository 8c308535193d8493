import { z } from 'zod';
import { caseTypes } from '#domain/cases/case-types.ts';
import { isoDate, text } from './common.contract.ts';

/** How a deadline's amount is counted (domain `DeadlineUnit`). */
export const deadlineUnits = ['working_days', 'calendar_days', 'months', 'same_day'] as const;
/** Working-calendar regimes (SPEC §2.15). */
export const calendarRegimeKinds = ['peacetime', 'martial_law'] as const;

/** One row of the deadline table. */
export const deadlineRuleView = z.object({
  id: z.string(),
  key: z.string(),
  /** The case type this row overrides the general rule for; null for all case types. */
  caseType: z.enum(caseTypes).nullable(),
  amount: z.number().int(),
  unit: z.enum(deadlineUnits),
  sourceUk: z.string(),
  sourceEn: z.string(),
  /** When the row last changed; sent back with an edit (a stale one answers 409). */
  updatedAt: z.string(),
});
/** One deadline rule. */
export type DeadlineRuleView = z.infer<typeof deadlineRuleView>;

/** GET /api/v1/deadline-rules — the deadline table and the working-calendar regimes by date range (system administrators). */
export const deadlineRulesList = z.object({
  items: z.array(deadlineRuleView),
  regimes: z.array(z.object({ regime: z.enum(calendarRegimeKinds), from: isoDate, to: isoDate.nullable() })),
  allowedActions: z.array(z.enum(['edit'])),
});
/** The deadline table. */
export type DeadlineRulesList = z.infer<typeof deadlineRulesList>;

/** PUT /api/v1/deadline-rules/{id} — period, unit and legal source of one rule; applies to deadlines computed from now on. */
export const deadlineRuleUpdate = z.object({
  amount: z.number().int(),
  unit: z.enum(deadlineUnits),
  sourceUk: text(1000).min(1),
  sourceEn: text(1000).min(1),
  updatedAt: z.string().min(1).max(64),
});
/** An edit as sent. */
export type DeadlineRuleUpdate = z.infer<typeof deadlineRuleUpdate>;
