import { idParams, problemSchema } from '#contracts/common.contract.ts';
import { emergencyAccessGrant, emergencyAccessRequest } from '#contracts/emergency-access.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { breakGlass } from '../../services/emergency-access.service.ts';
import { requireActor, type App } from '../app.ts';

/** Break-the-glass emergency access to a case outside the user's scope (SPEC §11). */
export function registerEmergencyAccessRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/v1/cases/:id/emergency-access',
    { schema: { tags: ['cases'], params: idParams, body: emergencyAccessRequest, response: { 201: emergencyAccessGrant, 403: problemSchema, 404: problemSchema, 422: problemSchema } } },
    async (req, reply) => {
      const grant = await breakGlass(deps, requireActor(req), req.params.id, req.body);
      return reply.status(201).send(grant);
    },
  );
}
