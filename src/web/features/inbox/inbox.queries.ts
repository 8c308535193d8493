import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { fetchInbox, fetchInboxCount, fetchInboxNotification, type NotificationStatus } from './inbox.api.ts';

/** Everything of the inbox, for invalidation after a decision. */
export const inboxKey = ['notifications', 'inbox'] as const;

/** The inbox by status, page by page. */
export const inboxQuery = (status: NotificationStatus) =>
  infiniteQueryOptions({
    queryKey: [...inboxKey, 'list', status],
    queryFn: ({ pageParam }) => fetchInbox(status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 10_000,
  });

/** One notification of the inbox. */
export const inboxNotificationQuery = (id: string) => queryOptions({ queryKey: [...inboxKey, 'one', id], queryFn: () => fetchInboxNotification(id), staleTime: 5_000 });

/** How many notifications wait (navigation badge). */
export const inboxCountQuery = queryOptions({ queryKey: [...inboxKey, 'count'], queryFn: fetchInboxCount, staleTime: 60_000, retry: false });
