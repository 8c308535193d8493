import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../../../test/db.ts';
import { loginAs, testApp } from '../../../../test/factories.ts';
import { verifyAuditChain } from '../../services/audit.service.ts';
import { seedDemo } from './demo.ts';

// The full demo (what `npm start` loads): the workflow showcase must be reachable through the API as each demo user
// sees it, with live deadlines, a closure waiting for the supervisor, and nothing of Bucha visible in Stryi.
const clock = () => new Date('2026-11-20T10:00:00.000Z');

describe('demo data with the workflow showcase', () => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    tdb = await createTestDatabase(undefined, clock);
    expect(await seedDemo(tdb.deps)).toEqual({ created: true });
    app = await testApp(tdb.deps);
  });
  afterAll(async () => {
    await app.close();
    await tdb.close();
  });

  it('is loaded once (a second run changes nothing)', async () => {
    const before = await tdb.deps.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(await seedDemo(tdb.deps)).toEqual({ created: false });
    const after = await tdb.deps.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('gives the Bucha case manager cases at several steps, with due and overdue deadlines', async () => {
    const cm = await loginAs(app, 'cm.bucha');
    const list = await cm.get('/api/v1/cases?status=open&limit=100');
    expect(list.status).toBe(200);
    const steps = new Set((list.body.items as Array<{ step: string }>).map((c) => c.step));
    expect(steps.has('implementation')).toBe(true);
    expect(steps.has('family_assessment')).toBe(true);
    expect(list.body.items.length).toBeGreaterThanOrEqual(4);
    const closed = await cm.get('/api/v1/cases?status=closed&limit=100');
    expect(closed.body.items.length).toBeGreaterThanOrEqual(1);
  });

  it('shows a reintegration case with tracing, relatives and a care history', async () => {
    const cm = await loginAs(app, 'cm.bucha');
    const list = await cm.get('/api/v1/cases?status=open&limit=100');
    const reintegration = (list.body.items as Array<{ id: string; caseType: string }>).find((c) => c.caseType === 'reintegration');
    expect(reintegration).toBeDefined();
    const id = reintegration?.id ?? '';
    const attempts = await cm.get(`/api/v1/cases/${id}/tracing-attempts`);
    expect(attempts.status).toBe(200);
    expect(attempts.body.items.length).toBeGreaterThanOrEqual(1);
    const relatives = await cm.get(`/api/v1/cases/${id}/relatives`);
    expect(relatives.body.items.length).toBeGreaterThanOrEqual(1);
  });

  it('puts a closure in the supervisor’s queue', async () => {
    const sv = await loginAs(app, 'sv.bucha');
    const queue = await sv.get('/api/v1/approvals?status=pending');
    expect(queue.status).toBe(200);
    expect((queue.body.items as Array<{ kind: string }>).some((a) => a.kind === 'closure')).toBe(true);
  });

  it('keeps each hromada’s cases to itself', async () => {
    const stryi = await loginAs(app, 'cm.stryi');
    const mine = await stryi.get('/api/v1/cases?status=open&limit=100');
    expect(mine.body.items.length).toBeGreaterThanOrEqual(1);
    const bucha = await loginAs(app, 'cm.bucha');
    const buchaIds = new Set((await bucha.get('/api/v1/cases?status=open&limit=100')).body.items.map((c: { id: string }) => c.id));
    for (const c of mine.body.items as Array<{ id: string }>) expect(buchaIds.has(c.id)).toBe(false);
  });

  it('leaves an intact audit chain', async () => {
    const result = await verifyAuditChain(tdb.deps);
    expect(result.ok).toBe(true);
  });
});
