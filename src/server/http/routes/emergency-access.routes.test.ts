import { describe, expect, it } from 'vitest';
import { useApiContext, type ApiContext } from '#test/api-context.ts';
import { aNotification, loginAs } from '#test/factories.ts';

// Friday 20 November 2026, 10:00 in Kyiv.
const start = new Date('2026-11-20T08:00:00.000Z');
let now = start;
let ctx: ApiContext;
useApiContext(
  () => now,
  (c) => {
    now = start;
    ctx = c;
  },
);

const reason = 'Дитина в небезпеці, потрібні контакти родини негайно';

/** A Bucha case of cm.bucha (supervised by sv.bucha), outside cm.stryi's scope. */
async function buchaCase(): Promise<string> {
  const cm = await loginAs(ctx.app, 'cm.bucha');
  const res = await cm.send('POST', '/api/v1/notifications', aNotification(ctx.world.bucha));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.caseId as string;
}

describe('break-the-glass emergency access (SPEC §11)', () => {
  it('opens a case outside the scope read-only, for the configured time, audited and shown to the supervisor', async () => {
    const caseId = await buchaCase();
    const stryi = await loginAs(ctx.app, 'cm.stryi');
    expect((await stryi.get(`/api/v1/cases/${caseId}`)).status).toBe(404);

    const granted = await stryi.send('POST', `/api/v1/cases/${caseId}/emergency-access`, { reason });
    expect(granted.status, JSON.stringify(granted.body)).toBe(201);
    expect(granted.body.expiresAt).toBe(new Date(start.getTime() + 60 * 60_000).toISOString());

    // The case and its parts are readable, flagged as emergency access; nothing may be changed.
    const c = await stryi.get(`/api/v1/cases/${caseId}`);
    expect(c.status).toBe(200);
    expect(c.body.accessMode).toBe('emergency');
    expect(c.body.emergencyUntil).toBe(granted.body.expiresAt);
    expect(c.body.allowedActions).toEqual(['case.view']);
    expect(c.body.timeline.map((e: { kind: string }) => e.kind)).toContain('emergency_access_granted');
    expect((await stryi.get(`/api/v1/cases/${caseId}/needs-assessment`)).status).toBe(200);
    expect((await stryi.get(`/api/v1/cases/${caseId}/safety-assessments`)).status).toBe(200);
    expect((await stryi.get(`/api/v1/cases/${caseId}/notes`)).status).toBe(200);
    const worklist = await stryi.get('/api/v1/cases?limit=200');
    expect(worklist.body.items.map((i: { id: string }) => i.id)).toContain(caseId);
    const transition = await stryi.send('POST', `/api/v1/cases/${caseId}/transitions`, { to: 'child_assessment', version: c.body.version });
    expect(transition.status, JSON.stringify(transition.body)).toBe(403);
    expect(JSON.stringify(transition.body)).toContain('emergency_access_read_only');
    const note = await stryi.send('POST', `/api/v1/cases/${caseId}/notes`, { kind: 'note', noteDate: '2026-11-20', text: 'Спроба запису' });
    expect(note.status, JSON.stringify(note.body)).toBe(403);

    // A second request while the access is open is not needed.
    const again = await stryi.send('POST', `/api/v1/cases/${caseId}/emergency-access`, { reason });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('emergency_access_not_needed');

    // Audited: the grant with its reason, and the read noting the relation.
    const audit = await ctx.tdb.deps.db.selectFrom('audit_log').select(['action', 'details', 'actor_username']).where('entity', '=', 'case').where('entity_id', '=', caseId).orderBy('id').execute();
    const grantRow = audit.find((a) => a.action === 'emergency_access');
    expect(grantRow?.actor_username).toBe('cm.stryi');
    expect((grantRow?.details as { reason: string }).reason).toBe(reason);
    expect(audit.some((a) => a.action === 'read' && a.actor_username === 'cm.stryi' && (a.details as { relation?: string }).relation === 'emergency')).toBe(true);

    // The case manager's supervisor sees it on the team view.
    const sv = await loginAs(ctx.app, 'sv.bucha');
    const team = await sv.get('/api/v1/supervision/team');
    expect(team.status).toBe(200);
    const item = (team.body.emergencyAccesses as Array<{ caseId: string; userName: string; reason: string; expiresAt: string; caseNumber: string }>).find((g) => g.caseId === caseId);
    expect(item).toMatchObject({ reason, expiresAt: granted.body.expiresAt });
    expect(item?.userName).toMatch(/\S+ \S+/);
    expect(item?.caseNumber).toBe(c.body.number);

    // After the window the case looks absent again.
    now = new Date(start.getTime() + 61 * 60_000);
    const later = await loginAs(ctx.app, 'cm.stryi');
    expect((await later.get(`/api/v1/cases/${caseId}`)).status).toBe(404);
    expect((await later.get(`/api/v1/cases/${caseId}/needs-assessment`)).status).toBe(404);
    const list = await later.get('/api/v1/cases?limit=200');
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(caseId);
    // The team view still lists it (last 30 days).
    const svLater = await loginAs(ctx.app, 'sv.bucha');
    expect((await svLater.get('/api/v1/supervision/team')).body.emergencyAccesses.map((g: { caseId: string }) => g.caseId)).toContain(caseId);
  });

  it('requires a reason of at least 10 characters', async () => {
    const caseId = await buchaCase();
    const stryi = await loginAs(ctx.app, 'cm.stryi');
    for (const body of [{}, { reason: 'терміново' }, { reason: '          ' }]) {
      const res = await stryi.send('POST', `/api/v1/cases/${caseId}/emergency-access`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.code).toBe('emergency_access_reason_required');
    }
    expect((await stryi.get(`/api/v1/cases/${caseId}`)).status).toBe(404);
  });

  it('refuses roles that do not work with cases (403), answers 404 for a missing case and 422 to users in scope', async () => {
    const caseId = await buchaCase();
    for (const user of ['provider.bucha', 'reporter.school']) {
      const client = await loginAs(ctx.app, user);
      const res = await client.send('POST', `/api/v1/cases/${caseId}/emergency-access`, { reason });
      expect(res.status, user).toBe(403);
      expect((await client.get(`/api/v1/cases/${caseId}`)).status).toBe(404);
    }
    const stryi = await loginAs(ctx.app, 'cm.stryi');
    expect((await stryi.send('POST', '/api/v1/cases/00000000-0000-4000-8000-000000000000/emergency-access', { reason })).status).toBe(404);
    const own = await loginAs(ctx.app, 'cm.bucha');
    const res = await own.send('POST', `/api/v1/cases/${caseId}/emergency-access`, { reason });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('emergency_access_not_needed');
    const grants = await ctx.tdb.deps.db.selectFrom('emergency_accesses').select('id').execute();
    expect(grants).toEqual([]);
  });

  it('shows the supervisor no accesses older than 30 days', async () => {
    const caseId = await buchaCase();
    const stryi = await loginAs(ctx.app, 'cm.stryi');
    expect((await stryi.send('POST', `/api/v1/cases/${caseId}/emergency-access`, { reason })).status).toBe(201);
    now = new Date(start.getTime() + 31 * 24 * 60 * 60_000);
    const sv = await loginAs(ctx.app, 'sv.bucha');
    expect((await sv.get('/api/v1/supervision/team')).body.emergencyAccesses).toEqual([]);
  });
});
