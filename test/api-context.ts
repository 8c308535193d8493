import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTestDatabase, resetDatabase, restoreSnapshot, takeSnapshot, type Snapshot, type TestDatabase } from './db.ts';
import { seedWorld, testApp } from './factories.ts';

/** What an API test file works with: its database, the app over it, and the demo world seeded afresh for each test. */
export type ApiContext = { tdb: TestDatabase; app: FastifyInstance; world: Awaited<ReturnType<typeof seedWorld>> };

/**
 * Registers the usual hooks of an API test file: one migrated database and app for the file, and the demo world
 * fresh before each test; `bind` receives the context each time. The world is seeded once and snapshotted; each later
 * test starts from the snapshot (same rows, ids and sequences), unless the file's clock has moved since the seed, in
 * which case it is seeded again at the new time.
 */
export function useApiContext(clock: () => Date, bind: (ctx: ApiContext) => void): void {
  let tdb: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  let seeded: { at: number; snapshot: Snapshot; world: ApiContext['world'] } | undefined;
  beforeAll(async () => {
    tdb = await createTestDatabase(undefined, clock);
    app = await testApp(tdb.deps);
  });
  afterAll(async () => {
    await app?.close();
    await tdb?.close();
  });
  beforeEach(async () => {
    if (!tdb || !app) throw new Error('test database not ready');
    const at = clock().getTime();
    if (seeded?.at === at) {
      await restoreSnapshot(tdb.handle, seeded.snapshot);
    } else {
      await resetDatabase(tdb.handle);
      const world = await seedWorld(tdb.deps);
      seeded = { at, world, snapshot: await takeSnapshot(tdb.handle) };
    }
    bind({ tdb, app, world: seeded.world });
  });
}
