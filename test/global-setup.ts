// Vitest global setup: migrates one template database per run, so that each test file starts from a copy instead of
// running every migration again (a PGlite data-directory dump, or a template database on the PostgreSQL server).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPglite, openPostgres } from '#server/db/client.ts';
import { migrate } from '#server/db/migrate.ts';
import { createServerDatabase, TEMPLATE_DB_ENV, TEMPLATE_DUMP_ENV } from './db.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    const created = await createServerDatabase(baseUrl, undefined, 'rodyna_tpl');
    const handle = await openPostgres(created.url, 1);
    await migrate(handle);
    await handle.close();
    process.env[TEMPLATE_DB_ENV] = created.name;
    return async () => {
      delete process.env[TEMPLATE_DB_ENV];
      await created.drop();
    };
  }
  const handle = await openPglite(null);
  await migrate(handle);
  const dump = await handle.dumpDataDir?.();
  await handle.close();
  if (!dump) throw new Error('PGlite gave no data directory dump');
  const dir = mkdtempSync(path.join(tmpdir(), 'rodyna-test-template-'));
  const file = path.join(dir, 'pglite.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env[TEMPLATE_DUMP_ENV] = file;
  return async () => {
    delete process.env[TEMPLATE_DUMP_ENV];
    rmSync(dir, { recursive: true, force: true });
  };
}
