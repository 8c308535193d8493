import { sql } from 'kysely';
import { openPglite } from '/work/main/src/server/db/client.ts';
import { migrate } from '/work/main/src/server/db/migrate.ts';
const h = await openPglite(null);
await migrate(h);
const fks = await sql<any>`SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent, c.conname, c.condeferrable FROM pg_constraint c JOIN pg_namespace n ON n.oid=c.connamespace WHERE c.contype='f' AND n.nspname='public'`.execute(h.db);
for (const r of fks.rows) if (r.child === r.parent) console.log('SELF', r);
const tables = await sql<any>`SELECT t.relname, (SELECT array_agg(a.attname ORDER BY k.ord) FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid=i.indrelid AND a.attnum=k.attnum WHERE i.indrelid=t.oid AND i.indisprimary) AS pk FROM pg_class t JOIN pg_namespace n ON n.oid=t.relnamespace WHERE n.nspname='public' AND t.relkind='r' ORDER BY 1`.execute(h.db);
for (const r of tables.rows) console.log(r.relname, r.pk);
const gen = await sql<any>`SELECT table_name, column_name, is_generated, is_identity, identity_generation, data_type FROM information_schema.columns WHERE table_schema='public' AND (is_generated='ALWAYS' OR is_identity='YES' OR data_type IN ('bytea','ARRAY','USER-DEFINED','tsvector','interval','time without time zone','real','double precision'))`.execute(h.db);
console.log(gen.rows);
const types = await sql<any>`SELECT DISTINCT data_type FROM information_schema.columns WHERE table_schema='public'`.execute(h.db);
console.log(types.rows.map((r: any) => r.data_type));
const seqs = await sql<any>`SELECT sequencename FROM pg_sequences WHERE schemaname='public'`.execute(h.db);
console.log(seqs.rows);
const nonEmpty = [];
for (const r of tables.rows) { const c = await sql<any>`SELECT count(*)::int AS n FROM ${sql.table(r.relname)}`.execute(h.db); if (c.rows[0].n) nonEmpty.push(r.relname + ':' + c.rows[0].n); }
console.log(nonEmpty);
try { await h.exec('BEGIN; SET LOCAL session_replication_role = replica; SHOW session_replication_role; COMMIT;'); console.log('srr ok'); } catch (e) { console.log('srr fail', e); }
await h.close();
