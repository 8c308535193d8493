import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type DbHandle } from '#server/db/client.ts';
import { migrate } from '#server/db/migrate.ts';
import { createServerDatabase, createTestDatabase, resetDatabase, type TestDatabase } from '#test/db.ts';
import { aNotification, loginAs, seedWorld, testApp } from '#test/factories.ts';
import { appendAudit, verifyAuditChain } from './audit.service.ts';

const run = promisify(execFile);
let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  await resetDatabase(tdb.handle);
});

/** Edits audit rows the way an intruder with database rights would: bypassing the append-only triggers. */
async function tamper(handle: DbHandle, statement: string): Promise<void> {
  await handle.exec(`BEGIN; SET LOCAL session_replication_role = replica; ${statement}; COMMIT;`);
}

describe('audit trail (SPEC §11)', () => {
  it('writes one chained row per read and change of personal data, with who and from where', async () => {
    const world = await seedWorld(tdb.deps);
    const app = await testApp(tdb.deps);
    const cm = await loginAs(app, 'cm.bucha');
    const created = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha));
    await cm.get(`/api/v1/cases/${created.body.caseId}`);
    await app.close();
    const rows = await tdb.deps.db.selectFrom('audit_log').selectAll().where('entity_id', '=', created.body.caseId).orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['create', 'read']);
    expect(rows[1]).toEqual(expect.objectContaining({ actor_id: world.userId('cm.bucha'), actor_username: 'cm.bucha', entity: 'case', ip: '127.0.0.1' }));
    expect(await verifyAuditChain(tdb.deps)).toEqual({ ok: true, rows: expect.any(Number) });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_log', async () => {
    await seedWorld(tdb.deps);
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(tdb.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(tdb.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(tdb.deps.db)).rejects.toThrow(/append-only/);
  });

  it('names the first altered row, a removed row and removed newest rows', async () => {
    await seedWorld(tdb.deps);
    const ids = (await tdb.deps.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => Number(r.id));
    expect(ids.length).toBeGreaterThan(5);
    await tamper(tdb.handle, `UPDATE audit_log SET details = '{"x":1}' WHERE id = ${ids[3]}`);
    expect(await verifyAuditChain(tdb.deps)).toEqual(expect.objectContaining({ ok: false, badRowId: ids[3], reason: 'hash_mismatch' }));
    await resetDatabase(tdb.handle);
    await seedWorld(tdb.deps);
    const again = (await tdb.deps.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => Number(r.id));
    await tamper(tdb.handle, `DELETE FROM audit_log WHERE id = ${again[2]}`);
    expect(await verifyAuditChain(tdb.deps)).toEqual(expect.objectContaining({ ok: false, badRowId: again[3], reason: 'broken_link' }));
    await resetDatabase(tdb.handle);
    await seedWorld(tdb.deps);
    await tamper(tdb.handle, 'DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)');
    expect(await verifyAuditChain(tdb.deps)).toEqual(expect.objectContaining({ ok: false, reason: 'head_mismatch' }));
  });
  it('keeps one unbroken, gapless chain when many appends race, and rolls an entry back with its transaction', async () => {
    await seedWorld(tdb.deps);
    const before = Number((await tdb.deps.db.selectFrom('audit_head').select('last_id').executeTakeFirstOrThrow()).last_id);
    const actor = { userId: null as unknown as string, username: 'racer', ip: '10.0.0.1' };
    // On PostgreSQL each append runs on its own pooled connection, so they really wait for each other's head lock.
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 === 0
          ? appendAudit(tdb.deps.db, { actor, action: 'read', entity: 'case', entityId: `c${i}`, details: { n: i, text: 'Бо́гдан "лапки" \\ ✓' } }, new Date())
          : tdb.deps.db.transaction().execute((trx) => appendAudit(trx, { actor, action: 'update', entity: 'case', entityId: `c${i}` }, new Date())),
      ),
    );
    await expect(
      tdb.deps.db.transaction().execute(async (trx) => {
        await appendAudit(trx, { actor, action: 'update', entity: 'case', entityId: 'rolled-back' }, new Date());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const ids = (await tdb.deps.db.selectFrom('audit_log').select('id').where('id', '>', before).orderBy('id').execute()).map((r) => Number(r.id));
    expect(ids).toEqual(Array.from({ length: 40 }, (_, i) => before + 1 + i));
    expect(await tdb.deps.db.selectFrom('audit_log').select('id').where('entity_id', '=', 'rolled-back').execute()).toEqual([]);
    expect(await verifyAuditChain(tdb.deps)).toEqual({ ok: true, rows: before + 40 });
  });
});

describe('rodyna audit verify (CLI)', () => {
  it('exits 0 on an untouched database and non-zero naming the row after an edit', async () => {
    // The CLI is a separate process, so it needs a database it can open: a PGlite folder or a server database.
    const dir = mkdtempSync(path.join(tmpdir(), 'rodyna-audit-'));
    const server = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : null;
    const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: server?.url ?? '' };
    const open = () => (server ? openPostgres(server.url, 2) : openPglite(path.join(dir, 'pglite')));
    try {
      let handle = await open();
      await migrate(handle);
      await seedWorld({ db: handle.db, config: tdb.deps.config, now: () => new Date() });
      await handle.close();
      const cli = ['src/cli/main.ts', 'audit', 'verify'];
      const ok = await run(process.execPath, cli, { env });
      expect(ok.stdout).toMatch(/audit_log intact: \d+ rows verified/);

      handle = await open();
      const target = Number((await handle.db.selectFrom('audit_log').select('id').orderBy('id').offset(4).limit(1).executeTakeFirstOrThrow()).id);
      await tamper(handle, `UPDATE audit_log SET actor_username = 'someone-else' WHERE id = ${target}`);
      await handle.close();
      const failed = await run(process.execPath, cli, { env }).then(
        () => null,
        (err: { code: number; stderr: string }) => err,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toContain(`first bad row id ${target}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await server?.drop();
    }
  });
});
