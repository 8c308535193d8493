import { z } from 'zod';

/** POST /api/v1/cases/{id}/emergency-access — break the glass on a case outside the user's scope (SPEC §11). */
export const emergencyAccessRequest = z.object({
  /**
   * Why the case must be opened now (at least 10 characters); recorded in the audit trail and shown to the supervisor.
   * A missing or short reason is refused by the service with 422 `emergency_access_reason_required`.
   */
  reason: z.string().trim().max(2000).optional(),
});
/** The request body. */
export type EmergencyAccessRequest = z.infer<typeof emergencyAccessRequest>;

/** The shortest reason accepted. */
export const emergencyReasonMinLength = 10;

/** The grant: read-only access to the case until `expiresAt`. */
export const emergencyAccessGrant = z.object({
  id: z.string(),
  caseId: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
});
/** The answer to a granted emergency access. */
export type EmergencyAccessGrant = z.infer<typeof emergencyAccessGrant>;

/** One emergency access on a case of the supervisor's workers, for the team view. */
export const emergencyAccessItem = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  /** Who broke the glass, surname first. */
  userName: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  reason: z.string(),
});
/** One item of the team view's emergency accesses. */
export type EmergencyAccessItem = z.infer<typeof emergencyAccessItem>;
