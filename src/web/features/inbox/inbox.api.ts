import type { z } from 'zod';
import type { inboxCount, inboxDeclineRequest, inboxDetail, inboxItem, inboxPage, inboxRegistrationRequest, inboxRegistrationResult, NotificationStatus } from '#contracts/notification-inbox.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

export type { NotificationStatus };
/** One row of the inbox. */
export type InboxItem = z.infer<typeof inboxItem>;
/** A page of the inbox. */
export type InboxPage = z.infer<typeof inboxPage>;
/** The whole notification with its members and their possible duplicates. */
export type InboxDetail = z.infer<typeof inboxDetail>;
/** A member of the notification. */
export type InboxMember = InboxDetail['members'][number];
/** Registration as sent. */
export type InboxRegistrationBody = z.input<typeof inboxRegistrationRequest>;
/** The case opened. */
export type InboxRegistrationResult = z.infer<typeof inboxRegistrationResult>;
/** Declining as sent. */
export type InboxDeclineBody = z.input<typeof inboxDeclineRequest>;
/** The navigation badge. */
export type InboxCount = z.infer<typeof inboxCount>;

const base = '/api/v1/notifications';

/** GET /api/v1/notifications/inbox?status= — urgent first, then oldest first. */
export function fetchInbox(status: NotificationStatus, cursor?: string): Promise<InboxPage> {
  return apiRequest<InboxPage>(`${base}/inbox`, { query: { status, limit: 50, cursor } });
}

/** GET /api/v1/notifications/inbox/count */
export function fetchInboxCount(): Promise<InboxCount> {
  return apiRequest<InboxCount>(`${base}/inbox/count`);
}

/** GET /api/v1/notifications/inbox/{id} */
export function fetchInboxNotification(id: string): Promise<InboxDetail> {
  return apiRequest<InboxDetail>(`${base}/inbox/${encodeURIComponent(id)}`);
}

/** POST /api/v1/notifications/{id}/registration — opens the case. */
export function registerNotification(id: string, body: InboxRegistrationBody): Promise<InboxRegistrationResult> {
  return apiRequest<InboxRegistrationResult>(`${base}/${encodeURIComponent(id)}/registration`, { method: 'POST', body });
}

/** POST /api/v1/notifications/{id}/decline */
export function declineNotification(id: string, body: InboxDeclineBody): Promise<InboxDetail> {
  return apiRequest<InboxDetail>(`${base}/${encodeURIComponent(id)}/decline`, { method: 'POST', body });
}
