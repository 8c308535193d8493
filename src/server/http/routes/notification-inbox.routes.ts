import { idParams, problemSchema } from '#contracts/common.contract.ts';
import { inboxCount, inboxDeclineRequest, inboxDetail, inboxPage, inboxQuery, inboxRegistrationRequest, inboxRegistrationResult } from '#contracts/notification-inbox.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { countInbox, declineFromInbox, getInboxNotification, listInbox, registerFromInbox } from '../../services/notification-inbox.service.ts';
import { requireActor, type App } from '../app.ts';

/** The receiving service's inbox: notifications of the hromada registered as cases or declined with a reason (SPEC §2.3). */
export function registerNotificationInboxRoutes(app: App, deps: Deps): void {
  const tags = ['intake'];
  app.get('/api/v1/notifications/inbox', { schema: { tags, querystring: inboxQuery, response: { 200: inboxPage, 403: problemSchema } } }, async (req) =>
    listInbox(deps, requireActor(req), req.query),
  );
  app.get('/api/v1/notifications/inbox/count', { schema: { tags, response: { 200: inboxCount, 403: problemSchema } } }, async (req) => countInbox(deps, requireActor(req)));
  app.get('/api/v1/notifications/inbox/:id', { schema: { tags, params: idParams, response: { 200: inboxDetail, 403: problemSchema, 404: problemSchema } } }, async (req) =>
    getInboxNotification(deps, requireActor(req), req.params.id),
  );
  app.post(
    '/api/v1/notifications/:id/registration',
    { schema: { tags, params: idParams, body: inboxRegistrationRequest, response: { 201: inboxRegistrationResult, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } },
    async (req, reply) => reply.code(201).send(await registerFromInbox(deps, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/notifications/:id/decline',
    { schema: { tags, params: idParams, body: inboxDeclineRequest, response: { 200: inboxDetail, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } },
    async (req) => declineFromInbox(deps, requireActor(req), req.params.id, req.body),
  );
}
