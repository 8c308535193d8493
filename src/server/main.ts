// Composition root: configuration → database → migrations → (demo data) → HTTP server.
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { seedDemo } from './db/seed/demo.ts';
import { buildApp } from './http/app.ts';
import type { Deps } from './lib/context.ts';
import { systemStatus } from './services/users.service.ts';

const demo = process.argv.includes('--demo');
const config = loadConfig();
const handle = await openDatabase(config);
const log = (m: string) => console.log(`[rodyna] ${m}`);
log(handle.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server from DATABASE_URL');
await migrate(handle, log);
const deps: Deps = { db: handle.db, config, now: () => new Date() };

if (demo) {
  if (handle.kind === 'postgres') {
    log('demo mode asked for, but demo data is never loaded silently into a PostgreSQL server; run `npm run rodyna -- seed --demo` to load it on purpose');
  } else {
    await seedDemo(deps, log);
  }
}
const status = await systemStatus(deps);
if (!status.hasUsers) {
  log('no users yet. Create the first administrator with:');
  log('  npm run rodyna -- users create --username admin --surname <Прізвище> --given-name <Ім\'я> --role system_admin --organisation <organisation id>');
  log('  (list organisations with `npm run rodyna -- organisations list`)');
}

const app = await buildApp(deps, { logger: true, serveWeb: true });
await app.listen({ port: config.port, host: config.host });
log(`listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}${status.demoMode ? ' (demo data; password of every demo user: see README)' : ''}`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void app
      .close()
      .then(() => handle.close())
      .then(() => process.exit(0));
  });
}
