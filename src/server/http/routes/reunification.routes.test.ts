import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { type TestDatabase } from '#test/db.ts';
import { aNotification, loginAs, seedWorld } from '#test/factories.ts';
import { useApiContext } from '#test/api-context.ts';

const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;

useApiContext(() => now, (ctx) => ({ tdb, app, world } = ctx));

async function openCase(caseType: 'reintegration' | 'prevention') {
  const cm = await loginAs(app, 'cm.bucha');
  const res = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha, { caseType }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const c = (await cm.get(`/api/v1/cases/${res.body.caseId}`)).body;
  const child = c.members.find((m: { role: string }) => m.role === 'child');
  const adult = c.members.find((m: { role: string }) => m.role === 'adult');
  return { cm, caseId: res.body.caseId as string, childId: child.personId as string, adultId: adult.personId as string };
}

const activity = (over: Record<string, unknown> = {}) => ({ activityDate: '2026-11-18', kind: 'family_contact', conductedBy: 'Коваль Олена, фахівчиня ЦНСП', notes: 'Зустріч дитини з мамою в ЦНСП, 2 години.', ...over });

describe('preparation for reunification (SPEC §2.10, §2.11)', () => {
  it('records activities for a child or the family and lists them newest first with the timeline event and audit', async () => {
    const { cm, caseId, childId } = await openCase('reintegration');
    const base = `/api/v1/cases/${caseId}/preparation-activities`;
    const empty = await cm.get(base);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ items: [], nextCursor: null, allowedActions: ['create'] });

    const first = await cm.send('POST', base, activity({ childPersonId: childId, activityDate: '2026-11-10', kind: 'child_preparation', notes: 'Розмова з психологом про повернення додому.' }));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toEqual(expect.objectContaining({ caseId, activityDate: '2026-11-10', kind: 'child_preparation', child: expect.objectContaining({ personId: childId }) }));
    const second = await cm.send('POST', base, activity());
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.child).toBeNull();
    expect(second.body.recordedBy.name).not.toBe('');

    const list = await cm.get(`${base}?limit=1`);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([second.body.id]);
    const next = await cm.get(`${base}?limit=1&cursor=${encodeURIComponent(list.body.nextCursor)}`);
    expect(next.body.items.map((a: { id: string }) => a.id)).toEqual([first.body.id]);
    expect(next.body.nextCursor).toBeNull();

    const c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.timeline.filter((e: { kind: string }) => e.kind === 'preparation_activity_recorded')).toHaveLength(2);
    const audit = await tdb.deps.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', '=', 'preparation_activity').execute();
    expect(audit.filter((a) => a.action === 'create')).toHaveLength(2);
    expect(audit.filter((a) => a.action === 'list').length).toBeGreaterThanOrEqual(3);
  });

  it('refuses future dates, an undescribed "other", a non-child and prevention cases', async () => {
    const { cm, caseId, adultId } = await openCase('reintegration');
    const base = `/api/v1/cases/${caseId}/preparation-activities`;
    const future = await cm.send('POST', base, activity({ activityDate: '2026-11-21' }));
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('date_in_future');
    const other = await cm.send('POST', base, activity({ kind: 'other' }));
    expect(other.status).toBe(400);
    const noWho = await cm.send('POST', base, activity({ conductedBy: '' }));
    expect(noWho.status).toBe(400);
    const adult = await cm.send('POST', base, activity({ childPersonId: adultId }));
    expect(adult.status).toBe(422);
    expect(adult.body.code).toBe('person_not_child');

    const prevention = await openCase('prevention');
    const refused = await prevention.cm.send('POST', `/api/v1/cases/${prevention.caseId}/preparation-activities`, activity());
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('preparation_not_applicable');
    expect((await prevention.cm.get(`/api/v1/cases/${prevention.caseId}/preparation-activities`)).body.allowedActions).toEqual([]);
  });

  it('hides the activities from users outside the case and lets the Child Affairs Service read but not write', async () => {
    const { cm, caseId } = await openCase('reintegration');
    const base = `/api/v1/cases/${caseId}/preparation-activities`;
    expect((await cm.send('POST', base, activity())).status).toBe(201);
    const stranger = await loginAs(app, 'cm.stryi');
    expect((await stranger.get(base)).status).toBe(404);
    expect((await stranger.send('POST', base, activity())).status).toBe(404);
    const cas = await loginAs(app, 'cas.bucha');
    const read = await cas.get(base);
    expect(read.status).toBe(200);
    expect(read.body.items).toHaveLength(1);
    expect(read.body.allowedActions).toEqual([]);
    expect((await cas.send('POST', base, activity())).status).toBe(403);
  });
});
