import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTestDatabase, resetDatabase, type TestDatabase } from './db.ts';
import { seedWorld, testApp } from './factories.ts';

/** What an API test file works with: its database, the app over it, and the demo world seeded afresh for each test. */
export type ApiContext = { tdb: TestDatabase; app: FastifyInstance; world: Awaited<ReturnType<typeof seedWorld>> };

/**
 * Registers the usual hooks of an API test file: one migrated database and app for the file, emptied and
 * re-seeded with the demo world before each test; `bind` receives the context after each re-seed.
 */
export function useApiContext(clock: () => Date, bind: (ctx: ApiContext) => void): void {
  let tdb: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
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
    await resetDatabase(tdb.handle);
    bind({ tdb, app, world: await seedWorld(tdb.deps) });
  });
}
