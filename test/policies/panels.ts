import { seedDemoPanels, demoCommissionNameUk } from '#server/db/seed/demo-panels.ts';
import type { DemoUser } from '../matrix-world.ts';
import { caseRead, caseWrite, missingId, only, simple, type PolicyPart } from '../route-policy-kit.ts';

/**
 * Gatekeeping panels and coordination bodies (SPEC §3, §9, §11). The Bucha commission's people are panel.member (its
 * chair) and panel.secretary (its secretary, who keeps the records); the hromada's Child Affairs Service and the
 * administrator read it; planners, coordinators and analysts see only the list of bodies and the aggregates.
 */
const readers: readonly DemoUser[] = ['panel.member', 'panel.secretary', 'cas.bucha', 'admin'];
const secretary: readonly DemoUser[] = ['panel.secretary'];
const aggregates: readonly DemoUser[] = ['panel.member', 'panel.secretary', 'cas.bucha', 'cas.dmytrivka', 'cas.stryi', 'planner.bucha', 'coord.kyiv', 'analyst.national', 'admin'];

const id = (key: string) => (w: { ids: Record<string, string> }) => ({ id: w.ids[key] as string });

export const policies: PolicyPart['policies'] = {
  'GET /api/v1/panel-bodies': simple('bodies as aggregates (no persons): panel people, CAS, planners, coordinators, analysts, admin', only(aggregates)),
  'POST /api/v1/panel-bodies': simple('sets up a body where the actor keeps bodies: the Bucha commission by the Child Affairs Service of Bucha and the administrator', only(['cas.bucha', 'admin']), {
    // An unknown organisation is refused after the access check (422), so the matrix creates nothing.
    body: (w) => ({ kind: 'child_rights_commission', nameUk: 'Комісія (матриця)', territoryId: w.world.bucha, organisationId: missingId }),
  }),
  'PUT /api/v1/panel-bodies/:id': simple('changes the body: its keepers (CAS of Bucha, admin); its people see it (403); others 404', (u) => (['cas.bucha', 'admin'].includes(u) ? 'allowed' : ['panel.member', 'panel.secretary'].includes(u) ? 'forbidden' : 'hidden'), {
    params: id('panelBody'),
    // A stale version answers 409 after the access check, so the demo commission stays as it is.
    body: (w) => ({ kind: 'child_rights_commission', nameUk: demoCommissionNameUk, territoryId: w.world.bucha, organisationId: w.ids.panelBodyOrganisation, version: 999 }),
  }),
  'GET /api/v1/panel-bodies/:id': simple('the body with its members: its people, the CAS of its hromada, admin', only(readers), { params: id('panelBody') }),
  'POST /api/v1/panel-bodies/:id/members': simple('the secretary of the body keeps its members', only(secretary), { params: id('panelBody') }),
  'PUT /api/v1/panel-members/:id': simple('the secretary of the body keeps its members', only(secretary), { params: id('panelMember') }),
  'POST /api/v1/panel-bodies/:id/meetings': simple('the secretary schedules meetings', only(secretary), { params: id('panelBody') }),
  'GET /api/v1/panel-bodies/:id/action-items': simple('the action report: readers of the body', only(readers), { params: id('panelBody') }),
  'GET /api/v1/panel-meetings/:id': simple('a meeting: readers of the body', only(readers), { params: id('panelMeeting') }),
  'PUT /api/v1/panel-meetings/:id/attendance': simple('the secretary records attendance', only(secretary), { params: id('panelMeeting') }),
  'POST /api/v1/panel-meetings/:id/signatures': simple('the chair and the secretary sign the minutes', only(['panel.member', 'panel.secretary']), { params: id('panelMeeting') }),
  'POST /api/v1/panel-meetings/:id/action-items': simple('the secretary records action items', only(secretary), { params: id('panelMeeting') }),
  'GET /api/v1/panel-meetings/:id/minutes.pdf': simple('the minutes: readers of the body', only(readers), { params: id('panelMeeting') }),
  'PUT /api/v1/panel-action-items/:id': simple('the secretary follows action items up', only(secretary), { params: id('panelActionItem') }),
  'PUT /api/v1/panel-agenda-items/:id/determination': simple('the secretary records the best-interests determination', only(secretary), { params: id('panelAgendaItem') }),
  'POST /api/v1/panel-agenda-items/:id/votes': simple('the secretary records the votes', only(secretary), { params: id('panelAgendaItem') }),
  'GET /api/v1/cases/:id/panel-submissions': caseRead(),
  'POST /api/v1/cases/:id/panel-submissions': caseWrite({ rule: 'the case manager (or supervisor) submits their case' }),
  'GET /api/v1/panel-analytics': simple('decision analytics, aggregates only', only(aggregates)),
};

/** The demo commission, one of its members, its past meeting, agenda item and action item. */
export const seedIds: PolicyPart['seedIds'] = async ({ deps }) => {
  await seedDemoPanels(deps);
  const body = await deps.db.selectFrom('panel_bodies').select(['id', 'organisation_id']).where('name_uk', '=', demoCommissionNameUk).executeTakeFirstOrThrow();
  const member = await deps.db.selectFrom('panel_members').select('id').where('body_id', '=', body.id).orderBy('surname').executeTakeFirstOrThrow();
  const meeting = await deps.db.selectFrom('panel_meetings').select('id').where('body_id', '=', body.id).executeTakeFirstOrThrow();
  const item = await deps.db.selectFrom('panel_agenda_items').select('id').where('meeting_id', '=', meeting.id).executeTakeFirstOrThrow();
  const action = await deps.db.selectFrom('panel_action_items').select('id').where('meeting_id', '=', meeting.id).orderBy('due_date').executeTakeFirstOrThrow();
  return { panelBody: body.id, panelBodyOrganisation: body.organisation_id ?? '', panelMember: member.id, panelMeeting: meeting.id, panelAgendaItem: item.id, panelActionItem: action.id };
};
