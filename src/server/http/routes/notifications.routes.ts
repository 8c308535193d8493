import { notificationCreated, notificationRequest, notificationsPage } from '#contracts/cases.contract.ts';
import { pageQuery, problemSchema } from '#contracts/common.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { listMyNotifications, submitNotification } from '../../services/intake.service.ts';
import { requireActor, type App } from '../app.ts';

/** Intake: notifications about families/persons in difficult life circumstances. */
export function registerNotificationRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/v1/notifications',
    { schema: { tags: ['intake'], body: notificationRequest, response: { 201: notificationCreated, 403: problemSchema, 422: problemSchema } } },
    async (req, reply) => reply.code(201).send(await submitNotification(deps, requireActor(req), req.body)),
  );
  app.get('/api/v1/notifications', { schema: { tags: ['intake'], querystring: pageQuery, response: { 200: notificationsPage } } }, async (req) =>
    listMyNotifications(deps, requireActor(req), req.query),
  );
}
