import type { z } from 'zod';
import type { deadlineRulesList, deadlineRuleUpdate, deadlineRuleView } from '#contracts/deadline-rules.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** The deadline table with the calendar regimes. */
export type DeadlineRules = z.infer<typeof deadlineRulesList>;
/** One rule. */
export type DeadlineRule = z.infer<typeof deadlineRuleView>;
/** An edit as sent. */
export type DeadlineRuleEdit = z.input<typeof deadlineRuleUpdate>;

/** GET /api/v1/deadline-rules */
export function fetchDeadlineRules(): Promise<DeadlineRules> {
  return apiRequest<DeadlineRules>('/api/v1/deadline-rules');
}

/** PUT /api/v1/deadline-rules/{id} */
export function putDeadlineRule(id: string, body: DeadlineRuleEdit): Promise<DeadlineRule> {
  return apiRequest<DeadlineRule>(`/api/v1/deadline-rules/${encodeURIComponent(id)}`, { method: 'PUT', body });
}
