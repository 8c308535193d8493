import type { z } from 'zod';
import type { unmetNeedReport } from '#contracts/referrals.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** Referrals declined for lack of capacity, per hromada and service (aggregates only). */
export type UnmetNeedReport = z.infer<typeof unmetNeedReport>;
/** The filters of the report. */
export type UnmetNeedFilters = { hromadaId?: string | undefined; from?: string | undefined; to?: string | undefined };

/** GET /api/v1/unmet-need */
export function fetchUnmetNeed(filters: UnmetNeedFilters): Promise<UnmetNeedReport> {
  return apiRequest<UnmetNeedReport>('/api/v1/unmet-need', { query: filters });
}
