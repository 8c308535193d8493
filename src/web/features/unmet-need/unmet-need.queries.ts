import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchUnmetNeed, type UnmetNeedFilters } from './unmet-need.api.ts';

/** The unmet-need report for the filters; the previous numbers stay on screen while new ones load. */
export const unmetNeedQuery = (filters: UnmetNeedFilters) =>
  queryOptions({ queryKey: ['unmet-need', filters], queryFn: () => fetchUnmetNeed(filters), staleTime: 30_000, placeholderData: keepPreviousData });
