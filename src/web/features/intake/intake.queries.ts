import { infiniteQueryOptions } from '@tanstack/react-query';
import { fetchMyNotifications } from './intake.api.ts';

/** My submitted notifications, page by page. */
export const myNotificationsQuery = infiniteQueryOptions({
  queryKey: ['notifications', 'mine'],
  queryFn: ({ pageParam }) => fetchMyNotifications(pageParam),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
  staleTime: 15_000,
});
