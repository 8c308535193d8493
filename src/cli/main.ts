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
import { progressBar, seedNational } from '#server/db/seed/national.ts';
import type { Deps } from '#server/lib/context.ts';
import { verifyAuditChain } from '#server/services/audit.service.ts';
import { backupDatabase, BackupError, restoreDatabase } from '#server/services/backup.service.ts';
import { runRetention } from '#server/services/retention.service.ts';
import { refreshAllRollups } from '#server/services/indicators-engine.service.ts';
import { parsePeriod, quarterOf } from '#domain/indicators/periods.ts';
import { listDeadlineRules, setDeadlineRule } from '#server/services/calendar.service.ts';
import { createUser, disableUser, listUsers } from '#server/services/users.service.ts';
import { resetSecondFactor } from '#server/services/second-factor.service.ts';

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
  .description('load data: --demo, or a generated country with --scale national|oblast --seed <n> (it loads the demo first)')
  .option('--demo', 'load the demo territory, organisations, users and cases')
  .addOption(new Option('--scale <scale>', 'generate national-size data (about 1,000,000 cases) or one oblast (about 100,000 cases)').choices(['national', 'oblast']))
  .option('--seed <n>', 'seed of the deterministic generator', '1')
  .option('--cases <n>', 'number of cases to generate instead of the default of the scale')
  .option('--oblast <key>', 'the oblast of --scale oblast (code such as 32, or its name)', '32')
  .action(async (o: { demo?: boolean; scale?: 'national' | 'oblast'; seed: string; cases?: string; oblast: string }) => {
    if (!o.demo && !o.scale) throw new DomainError('invalid_arguments', 'Give --demo or --scale national|oblast');
    await withDeps(async (deps) => {
      const { created } = await seedDemo(deps, console.log);
      if (!created) console.log('demo data is already there');
      if (!o.scale) return;
      const seed = Number(o.seed);
      const cases = o.cases === undefined ? undefined : Number(o.cases);
      if (!Number.isInteger(seed) || (cases !== undefined && (!Number.isInteger(cases) || cases < 1))) throw new DomainError('invalid_arguments', '--seed and --cases take whole numbers');
      const r = await seedNational(deps, { scale: o.scale, seed, oblast: o.oblast, progress: progressBar(), log: (m) => console.error(m), ...(cases ? { cases } : {}) });
      console.log(`${o.scale} data (seed ${seed}): ${r.cases} cases in ${r.hromadas} hromadas, ${r.skippedBatches} batches already there; ${r.seconds.toFixed(0)} s`);
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
users
  .command('reset-second-factor')
  .description('remove a user\'s second factor and recovery codes (lost phone) and end their sessions; audited')
  .argument('<username>')
  .action(async (username: string) => {
    const had = await withDeps(async (deps) => resetSecondFactor(deps, username));
    console.log(had ? `second factor of ${username} removed; they enrol again at the next sign-in` : `${username} had no second factor`);
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

program
  .command('retention')
  .description('retention of closed records (SPEC §11)')
  .command('run')
  .description(`anonymise persons whose every case closed more than RETENTION_YEARS_AFTER_CLOSURE years ago (default 5), and those cases' free text; idempotent, recorded and audited`)
  .option('--dry-run', 'count what would be anonymised, change nothing (the run is still recorded)')
  .action(async (opts: { dryRun?: boolean }) => {
    const r = await withDeps((deps) => runRetention(deps, { trigger: 'cli', dryRun: opts.dryRun === true }));
    if (!r.ran) console.log('another retention run is in progress; nothing done');
    else console.log(`${r.dryRun ? 'dry run: would anonymise' : 'anonymised'} ${r.personsAnonymised} persons and ${r.casesAnonymised} cases closed before ${r.cutoffDate} (${r.yearsAfterClosure} years), ${r.documentsAnonymised} case documents blanked; run ${r.runId}`);
  });

program
  .command('indicators')
  .description('M&E indicators (SPEC §10)')
  .command('refresh')
  .description('bring the pre-computed indicator rollups up to date (tables also refresh their stale cells when read); default: the current quarter, the previous one and this year')
  .option('--period <periods...>', 'quarters like 2026Q3 or years like 2026')
  .action(async (opts: { period?: string[] }) => {
    const today = new Date().toISOString().slice(0, 10);
    const current = quarterOf(today);
    const [y, q] = [Number(current.slice(0, 4)), Number(current.slice(5))];
    const periods = opts.period ?? [current, q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`, String(y)];
    const cells = await withDeps(async (deps) => {
      let n = 0;
      for (const key of periods) n += await refreshAllRollups(deps.db, parsePeriod(key), (m) => console.log(m));
      return n;
    });
    console.log(`refreshed ${cells} cells for ${periods.join(', ')}`);
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
