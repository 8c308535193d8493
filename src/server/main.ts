// Composition root: configuration → database → migrations → (demo data) → HTTP server.
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { seedDemo } from './db/seed/demo.ts';
import { buildApp } from './http/app.ts';
import type { Deps } from './lib/context.ts';
import { systemStatus } from './services/users.service.ts';
import { startRetentionSchedule } from './services/retention.service.ts';

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
// Second factor (SPEC §11). The demo keeps the README's password-only logins unless SECOND_FACTOR_REQUIRED_ROLES is
// given, and only a demo may run on the built-in development key for TOTP secrets.
if (status.demoMode && !config.secondFactorRolesConfigured) {
  deps.config = { ...deps.config, secondFactorRequiredRoles: [] };
  log('demo data: second factor optional for everyone (set SECOND_FACTOR_REQUIRED_ROLES=system_admin,supervisor to require it)');
}
if (!deps.config.secondFactorKey) {
  if (!demo && !status.demoMode) {
    console.error('[rodyna] SECOND_FACTOR_KEY is not set: it encrypts the second-factor secrets at rest. Set it to 32+ random characters (for example `openssl rand -base64 32`) and keep it with your backups.');
    process.exit(1);
  }
  deps.config = { ...deps.config, secondFactorKey: 'rodyna-demo-only-second-factor-key-not-secret' };
  log('demo: second-factor secrets are encrypted with the built-in development key (never use it in production; set SECOND_FACTOR_KEY)');
}
if (!status.hasUsers) {
  log('no users yet. Create the first administrator with:');
  log('  npm run rodyna -- users create --username admin --surname <Прізвище> --given-name <Ім\'я> --role system_admin --organisation <organisation id>');
  log('  (list organisations with `npm run rodyna -- organisations list`)');
}

// Retention and anonymisation of closed records (SPEC §11): now and daily, one run at a time.
const stopRetention = startRetentionSchedule(deps, log);
const app = await buildApp(deps, { logger: true, serveWeb: true });
await app.listen({ port: config.port, host: config.host });
log(`listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}${status.demoMode ? ' (demo data; password of every demo user: see README)' : ''}`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    stopRetention();
    void app
      .close()
      .then(() => handle.close())
      .then(() => process.exit(0));
  });
}
