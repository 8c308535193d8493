import type { z } from 'zod';
import type { emergencyAccessGrant, emergencyAccessItem } from '#contracts/emergency-access.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** A granted emergency access. */
export type EmergencyAccessGrant = z.infer<typeof emergencyAccessGrant>;
/** One emergency access on the supervisor's team view. */
export type EmergencyAccessItem = z.infer<typeof emergencyAccessItem>;

/** POST /api/v1/cases/{id}/emergency-access — break the glass with a stated reason (SPEC §11). */
export function requestEmergencyAccess(caseId: string, reason: string): Promise<EmergencyAccessGrant> {
  return apiRequest<EmergencyAccessGrant>(`/api/v1/cases/${encodeURIComponent(caseId)}/emergency-access`, { method: 'POST', body: { reason } });
}
