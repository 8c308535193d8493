// `rodyna` command line: each command calls services directly, never over HTTP.
import { Command, Option } from 'commander';
import { caseTypes, type CaseType } from '#domain/cases/case-types.ts';
import type { DeadlineUnit } from '#domain/deadlines/deadline-rules.ts';
import { roles, type Role } from '#domain/organisations/roles.ts';
import { DomainError } from '#domain/errors.ts';
import { loadConfig } from '#server/config.ts';
import { openDatabase, type DbHandle } from '#server/db/client.ts';
import { migrate } from '#server/db/migrate.ts';
import { dumpSchema } from '#server/db/schema-dump.ts';
import { seedDemo } from '#server/db/seed/demo.ts';
import type { Deps } from '#server/lib/context.ts';
import { verifyAuditChain } from '#server/services/audit.service.ts';
import { backupDatabase, BackupError, restoreDatabase } from '#server/services/backup.service.ts';
import { listDeadlineRules, setDeadlineRule } from '#server/services/calendar.service.ts';
import { createUser, disableUser, listUsers } from '#server/services/users.service.ts';

async function withDeps<T>(fn: (deps: Deps, handle: DbHandle) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await openDatabase(config);
  try {
    await migrate(handle);
    return await fn({ db: handle.db, config, now: () => new Date() }, handle);
  } finally {
    await handle.close();
  }
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.RODYNA_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8').split('\n')[0] ?? '';
  }
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const pw = await rl.question('Password (at least 12 characters): ');
  rl.close();
  return pw;
}

const program = new Command('rodyna').description('Rodyna command line').showHelpAfterError();

program.command('migrate').description('apply pending database migrations').action(async () => {
  await withDeps(async (_deps, handle) => {
    void handle;
  });
  console.log('migrations applied');
});

program
  .command('seed')
  .description('load data')
  .requiredOption('--demo', 'load the demo territory, organisations, users and cases')
  .action(async () => {
    await withDeps(async (deps) => {
      const { created } = await seedDemo(deps, console.log);
      if (!created) console.log('demo data is already there');
    });
  });

program
  .command('schema-dump')
  .description('print the canonical schema of the migrated database')
  .action(async () => {
    await withDeps(async (_deps, handle) => process.stdout.write(await dumpSchema(handle)));
  });

const users = program.command('users').description('manage users');
users
  .command('create')
  .description('create a user; the password comes from RODYNA_PASSWORD, standard input or a prompt')
  .requiredOption('--username <username>')
  .requiredOption('--surname <surname>')
  .requiredOption('--given-name <name>')
  .option('--patronymic <patronymic>', '', '')
  .addOption(new Option('--role <role>', 'role held in the organisation').choices(roles as unknown as string[]).makeOptionMandatory())
  .requiredOption('--organisation <id>', 'organisation id (see `organisations list`)')
  .option('--supervisor <username>', 'username of the supervisor')
  .action(async (o: { username: string; surname: string; givenName: string; patronymic: string; role: Role; organisation: string; supervisor?: string }) => {
    const password = await readPassword();
    await withDeps(async (deps) => {
      let supervisorId: string | null = null;
      if (o.supervisor) {
        const sup = await deps.db.selectFrom('users').select('id').where('username', '=', o.supervisor).executeTakeFirst();
        if (!sup) throw new DomainError('not_found', `No user ${o.supervisor}`);
        supervisorId = sup.id;
      }
      const { id } = await createUser(deps, { username: o.username, password, surname: o.surname, givenName: o.givenName, patronymic: o.patronymic, grants: [{ role: o.role, organisationId: o.organisation }], supervisorId }, null);
      console.log(`created user ${o.username} (${id})`);
    });
  });
users.command('list').description('list users and their roles').action(async () => {
  await withDeps(async (deps) => {
    for (const u of await listUsers(deps)) console.log(`${u.username}\t${u.isActive ? 'active' : 'disabled'}${u.isDemo ? '\tdemo' : ''}\t${u.fullName}\t${u.roles.join(', ')}`);
  });
});
users
  .command('disable')
  .description('disable a user and end their sessions')
  .argument('<username>')
  .action(async (username: string) => {
    await withDeps(async (deps) => disableUser(deps, username, null));
    console.log(`disabled ${username}`);
  });

program
  .command('organisations')
  .description('organisations')
  .command('list')
  .action(async () => {
    await withDeps(async (deps) => {
      const rows = await deps.db.selectFrom('organisations').select(['id', 'type', 'name_uk']).orderBy('name_uk').execute();
      for (const r of rows) console.log(`${r.id}\t${r.type}\t${r.name_uk}`);
    });
  });

const deadlines = program.command('deadlines').description('the configurable deadline table (SPEC §2.15)');
deadlines.command('list').action(async () => {
  await withDeps(async (deps) => {
    for (const r of await listDeadlineRules(deps)) console.log(`${r.key}\t${r.caseType ?? '*'}\t${r.amount} ${r.unit}\t${r.sourceUk}`);
  });
});
deadlines
  .command('set')
  .description('set a rule, for all case types or for one')
  .argument('<key>')
  .argument('<amount>')
  .addOption(new Option('--unit <unit>').choices(['working_days', 'calendar_days', 'months', 'same_day']).makeOptionMandatory())
  .addOption(new Option('--case-type <type>').choices(caseTypes as unknown as string[]))
  .requiredOption('--source-uk <text>', 'legal source in Ukrainian, shown beside the deadline')
  .requiredOption('--source-en <text>', 'legal source in English')
  .action(async (key: string, amount: string, o: { unit: DeadlineUnit; caseType?: CaseType; sourceUk: string; sourceEn: string }) => {
    const n = Number(amount);
    if (!Number.isInteger(n) || n < 0 || n > 366) throw new DomainError('invalid_amount', 'The amount must be a whole number from 0 to 366');
    await withDeps((deps) => setDeadlineRule(deps, { key, caseType: o.caseType ?? null, amount: n, unit: o.unit, sourceUk: o.sourceUk, sourceEn: o.sourceEn }));
    console.log(`set ${key} for ${o.caseType ?? 'all case types'}: ${n} ${o.unit}`);
  });

program
  .command('audit')
  .description('audit trail')
  .command('verify')
  .description('check the hash chain of audit_log; exits 1 and names the first bad row when it was altered')
  .action(async () => {
    const result = await withDeps((deps) => verifyAuditChain(deps));
    if (result.ok) {
      console.log(`audit_log intact: ${result.rows} rows verified`);
    } else {
      console.error(`audit_log TAMPERED: first bad row id ${result.badRowId ?? '?'} (${result.reason}) after ${result.rows} rows`);
      process.exitCode = 1;
    }
  });

program
  .command('backup')
  .description('write a consistent backup of the whole database to a file (gzip\'d JSON lines; works for both engines)')
  .argument('<file>')
  .action(async (file: string) => {
    const started = Date.now();
    const r = await withDeps((deps, handle) => backupDatabase(deps, handle.kind, file));
    console.log(`backup written: ${r.tables} tables, ${r.rows} rows, ${(r.bytes / 1024).toFixed(1)} KiB in ${((Date.now() - started) / 1000).toFixed(1)} s → ${file}`);
  });

program
  .command('restore')
  .description('restore a backup into a new, empty database (empty DATA_DIR or a newly created PostgreSQL database) of the same version')
  .argument('<file>')
  .action(async (file: string) => {
    const started = Date.now();
    const r = await withDeps((deps) => restoreDatabase(deps, file));
    const audit = r.audit.ok ? `audit_log intact (${r.audit.rows} rows)` : `audit_log does NOT verify: first bad row id ${r.audit.badRowId ?? '?'} (${r.audit.reason})`;
    console.log(`restored ${r.tables} tables, ${r.rows} rows; ${audit}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (!r.audit.ok) process.exitCode = 1;
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof DomainError || err instanceof BackupError) {
    console.error(`error: ${err.message} (${err.code})`);
  } else {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.exitCode = 1;
}
