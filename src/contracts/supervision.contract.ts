import { z } from 'zod';
import { isoDate } from './common.contract.ts';
import { emergencyAccessItem } from './emergency-access.contract.ts';

/** One open deadline of a supervised case, with the legal source of its rule (UX principle 3). */
export const teamDeadlineItem = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  title: z.string(),
  key: z.string(),
  dueDate: isoDate,
  status: z.enum(['overdue', 'due_today', 'due_soon', 'upcoming']),
  sourceUk: z.string(),
  sourceEn: z.string(),
});
/** One deadline item. */
export type TeamDeadlineItem = z.infer<typeof teamDeadlineItem>;

const count = z.number().int().min(0);

/** One supervised case manager with the numbers of their caseload. */
export const teamWorker = z.object({
  id: z.string(),
  name: z.string(),
  openCases: z.number().int(),
  /** Open cases by the complexity of the needs-assessment conclusion; `not_assessed` while none is recorded. */
  byComplexity: z.object({ simple: count, moderate: count, complex: count, emergency: count, not_assessed: count }),
  overdue: z.number().int(),
  dueThisWeek: z.number().int(),
  pendingApprovals: z.number().int(),
  /** Weighted caseload in per cent of one specialist's capacity (caseload weights of the workforce settings; SPEC §7). */
  caseloadPercent: z.number(),
  /** `over` above 100 % (more than ten complex cases' worth), `near` from 90 %. */
  capacity: z.enum(['ok', 'near', 'over']),
  /** The worker's open cases (for reassignment by the supervisor), by number. */
  openCaseItems: z.array(z.object({ caseId: z.string(), caseNumber: z.string(), title: z.string(), version: z.number().int() })),
  /** Every overdue deadline, earliest first. */
  overdueItems: z.array(teamDeadlineItem),
  /** Deadlines due from today to the end of the week window, earliest first. */
  dueThisWeekItems: z.array(teamDeadlineItem),
});
/** One worker of the team. */
export type TeamWorker = z.infer<typeof teamWorker>;

/** GET /api/v1/supervision/team — the supervisor's team: the case managers whose `supervisor_id` is the user (SPEC §7). */
export const teamView = z.object({
  today: isoDate,
  /** Last day of the "due this week" window: today and the six days after it. */
  weekEnd: isoDate,
  workers: z.array(teamWorker),
  /** Break-the-glass emergency accesses of the last 30 days on cases of the team's workers, newest first (SPEC §11). */
  emergencyAccesses: z.array(emergencyAccessItem),
});
/** The team view. */
export type TeamView = z.infer<typeof teamView>;
