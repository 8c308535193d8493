import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { ReferralStatus } from '#domain/services/referrals.ts';
import { fetchCaseReferrals, fetchReferral, fetchReferrals, type ReferralBox } from './referrals.api.ts';

/** A case's referrals; under the case's key, so invalidating the case refreshes them too. */
export const caseReferralsQuery = (caseId: string) => queryOptions({ queryKey: ['cases', 'detail', caseId, 'referrals'], queryFn: () => fetchCaseReferrals(caseId), staleTime: 10_000 });

/** One box of the referrals page, page by page. */
export const referralsBoxQuery = (box: ReferralBox, status: ReferralStatus | undefined) =>
  infiniteQueryOptions({
    queryKey: ['referrals', 'box', box, status ?? 'all'],
    queryFn: ({ pageParam }) => fetchReferrals(box, status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 10_000,
  });

/** One referral. */
export const referralQuery = (id: string) => queryOptions({ queryKey: ['referrals', 'detail', id], queryFn: () => fetchReferral(id), staleTime: 5_000 });

/** After a change: the boxes, the referral, the case (its timeline and referrals) and the providers' places. */
export async function invalidateReferrals(queryClient: QueryClient, caseId: string | null | undefined): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['referrals'] }),
    queryClient.invalidateQueries({ queryKey: ['providers'] }),
    ...(caseId ? [queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId] })] : []),
  ]);
}
