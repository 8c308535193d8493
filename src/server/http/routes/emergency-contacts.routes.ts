import { idParams, pageQuery, problemSchema } from '#contracts/common.contract.ts';
import { conversionRequest, conversionResult, emergencyContactRequest, emergencyContactsPage, emergencyContactView } from '#contracts/service-decisions.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { convertEmergencyContact, createEmergencyContact, getEmergencyContact, listEmergencyContacts } from '../../services/emergency-contacts.service.ts';
import { requireActor, type App } from '../app.ts';

/** Crisis services without case management (Law "On Social Services" art. 23) and their conversion into a case. */
export function registerEmergencyContactRoutes(app: App, deps: Deps): void {
  const base = '/api/v1/emergency-contacts';
  const tags = ['emergency-contacts'];
  app.post(base, { schema: { tags, body: emergencyContactRequest, response: { 201: emergencyContactView, 403: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await createEmergencyContact(deps, requireActor(req), req.body)),
  );
  app.get(base, { schema: { tags, querystring: pageQuery, response: { 200: emergencyContactsPage } } }, async (req) => listEmergencyContacts(deps, requireActor(req), req.query));
  app.get(`${base}/:id`, { schema: { tags, params: idParams, response: { 200: emergencyContactView, 404: problemSchema } } }, async (req) => getEmergencyContact(deps, requireActor(req), req.params.id));
  app.post(
    `${base}/:id/conversion`,
    { schema: { tags, params: idParams, body: conversionRequest, response: { 201: conversionResult, 404: problemSchema, 409: problemSchema, 422: problemSchema } } },
    async (req, reply) => reply.code(201).send(await convertEmergencyContact(deps, requireActor(req), req.params.id, req.body)),
  );
}
