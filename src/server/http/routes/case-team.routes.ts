import { teamList, teamMemberEndRequest, teamMemberParams, teamMemberRequest, teamMemberView } from '#contracts/case-team.contract.ts';
import { idParams, problemSchema } from '#contracts/common.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { addTeamMember, endTeamMember, listTeam } from '../../services/case-team.service.ts';
import { requireActor, type App } from '../app.ts';

/** The interdisciplinary team of a case; its members who use the system have access while on it (SPEC §2.16). */
export function registerCaseTeamRoutes(app: App, deps: Deps): void {
  const base = '/api/v1/cases/:id/team';
  const tags = ['case-team'];
  app.get(base, { schema: { tags, params: idParams, response: { 200: teamList, 404: problemSchema } } }, async (req) => listTeam(deps, requireActor(req), req.params.id));
  app.post(base, { schema: { tags, params: idParams, body: teamMemberRequest, response: { 201: teamMemberView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await addTeamMember(deps, requireActor(req), req.params.id, req.body)),
  );
  app.post(`${base}/:memberId/end`, { schema: { tags, params: teamMemberParams, body: teamMemberEndRequest, response: { 200: teamMemberView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } }, async (req) =>
    endTeamMember(deps, requireActor(req), req.params.id, req.params.memberId, req.body),
  );
}
