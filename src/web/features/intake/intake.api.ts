import type { z } from 'zod';
import type { notificationCreated, notificationRequest, notificationsPage, notificationView } from '#contracts/cases.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** The notification body as sent. */
export type NotificationBody = z.input<typeof notificationRequest>;
/** Answer to a submitted notification. */
export type NotificationCreated = z.infer<typeof notificationCreated>;
/** A notification as its submitter sees it. */
export type NotificationView = z.infer<typeof notificationView>;
/** A page of my notifications. */
export type NotificationsPage = z.infer<typeof notificationsPage>;

/** POST /api/v1/notifications */
export function postNotification(body: NotificationBody): Promise<NotificationCreated> {
  return apiRequest<NotificationCreated>('/api/v1/notifications', { method: 'POST', body });
}

/** GET /api/v1/notifications — the user's own submissions. */
export function fetchMyNotifications(cursor?: string): Promise<NotificationsPage> {
  return apiRequest<NotificationsPage>('/api/v1/notifications', { query: { limit: 50, cursor } });
}
