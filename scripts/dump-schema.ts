// Writes schema.sql from a freshly migrated in-memory database: `npm run schema:dump`.
import { writeFileSync } from 'node:fs';
import { openPglite } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { dumpSchema } from '../src/server/db/schema-dump.ts';

const handle = await openPglite(null);
await migrate(handle);
writeFileSync('schema.sql', await dumpSchema(handle));
await handle.close();
console.log('wrote schema.sql');
