import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { fetchProvider, fetchProviders, type ProviderFilters } from './providers.api.ts';

/** The register searched with the given filters, page by page. */
export const providersQuery = (filters: ProviderFilters) =>
  infiniteQueryOptions({
    queryKey: ['providers', 'list', filters],
    queryFn: ({ pageParam }) => fetchProviders(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 30_000,
  });

/** Active providers of a service serving a hromada (for a referral), with their places. */
export const providersForReferralQuery = (serviceCode: string, hromadaId: string) =>
  queryOptions({ queryKey: ['providers', 'for-referral', serviceCode, hromadaId], queryFn: () => fetchProviders({ serviceCode, hromadaId, status: 'active' }, undefined, 100), staleTime: 15_000 });

/** One provider. */
export const providerQuery = (id: string) => queryOptions({ queryKey: ['providers', 'detail', id], queryFn: () => fetchProvider(id), staleTime: 15_000 });
