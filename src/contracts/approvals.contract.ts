import { z } from 'zod';
import { isoDate, text, uuid } from './common.contract.ts';

const named = z.object({ id: z.string(), name: z.string() });
/** What a supervisor is asked to approve. */
export const approvalKinds = ['closure', 'plan'] as const;
/** Where an approval stands. */
export const approvalStatuses = ['pending', 'approved', 'returned'] as const;

/**
 * GET /api/v1/approvals — `scope=queue` (default): the supervisor's queue, approvals of their supervisees' cases
 * (pending oldest first, decided newest first); `scope=mine`: the requests the user made, newest first, so that the
 * case manager sees the supervisor's answer. `status=all` lists every status.
 */
export const approvalsQuery = z.object({
  scope: z.enum(['queue', 'mine']).default('queue'),
  status: z.enum([...approvalStatuses, 'all']).default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

/** POST /api/v1/approvals — asks the supervisor to approve an agreed plan version (closure approvals come with the closure request). */
export const approvalRequest = z.object({ kind: z.literal('plan'), caseId: uuid, subjectId: uuid });

/** POST /api/v1/approvals/{id}/decision — approve, or return with a comment. */
export const approvalDecisionRequest = z.object({
  decision: z.enum(['approve', 'return']),
  comment: text(4000).default(''),
  version: z.number().int().min(1),
});
/** A decision as sent. */
export type ApprovalDecisionRequest = z.infer<typeof approvalDecisionRequest>;

/** One approval. */
export const approvalView = z.object({
  id: z.string(),
  kind: z.enum(approvalKinds),
  case: z.object({ id: z.string(), number: z.string(), title: z.string(), step: z.string(), status: z.enum(['open', 'closed']), registeredOn: isoDate, caseManager: named }),
  subjectId: z.string(),
  requestedBy: named,
  requestedAt: z.string(),
  status: z.enum(approvalStatuses),
  decidedBy: named.nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string(),
  version: z.number().int(),
  allowedActions: z.array(z.enum(['decide'])),
});
/** One approval. */
export type ApprovalView = z.infer<typeof approvalView>;

/** A page of the queue. */
export const approvalsPage = z.object({ items: z.array(approvalView), nextCursor: z.string().nullable() });
