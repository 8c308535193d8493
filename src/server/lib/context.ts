import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '#domain/access/actor.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';

/** What every service gets: the database, configuration and a clock (time is an input). */
export type Deps = {
  db: Kysely<Database>;
  config: Config;
  now: () => Date;
};

/** The signed-in user of a request, with where the request came from (for the audit trail). */
export type RequestActor = Actor & { username: string; ip: string };

/** A transaction or the database. */
export type Tx = Transaction<Database> | Kysely<Database>;

/** Today's date in Kyiv, the calendar day deadlines are counted in (ARCHITECTURE: API conventions). */
export function todayInKyiv(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
