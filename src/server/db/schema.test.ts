import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test/db.ts';
import { migrate } from './migrate.ts';
import { dumpSchema } from './schema-dump.ts';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.close();
});

describe('migrations', () => {
  it('reproduce the committed schema.sql exactly (run `npm run schema:dump` after adding a migration)', async () => {
    expect(await dumpSchema(tdb.handle)).toBe(readFileSync('schema.sql', 'utf8'));
  });

  it('are idempotent: a second run applies nothing', async () => {
    expect(await migrate(tdb.handle)).toEqual([]);
  });

  it('ship the statutory deadline table and the martial-law regime', async () => {
    const rule = await tdb.deps.db.selectFrom('deadline_rules').selectAll().where('key', '=', 'needs_assessment').executeTakeFirstOrThrow();
    expect(rule).toEqual(expect.objectContaining({ amount: 5, unit: 'working_days' }));
    const regimes = await tdb.deps.db.selectFrom('calendar_regimes').selectAll().where('regime', '=', 'martial_law').execute();
    expect(regimes).toEqual([expect.objectContaining({ valid_from: '2022-02-24', valid_to: null })]);
  });
});
