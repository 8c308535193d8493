import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { looseLatinKey, normalizeNameForMatch } from '#domain/persons/transliteration.ts';
import { createTestDatabase, type TestDatabase } from '#test/db.ts';
import { seedWorld } from '#test/factories.ts';
import { personKeys } from './intake.service.ts';
import { matchingPersons } from './persons.service.ts';

// The duplicate search takes its candidates from the GiST trigram indexes (migration 0022) with `%` at the
// connection's threshold; this checks that no person the thresholds accept is lost on the way, against a plain scan
// that scores every person of the hromada.
let tdb: TestDatabase;
let hromadaId: string;
let otherHromadaId: string;

const surnames = ['Коваленко', 'Коваленко', 'Ковальчук', 'Шевченко', 'Шевчук', 'Бондаренко', 'Бондар', 'Мельник', 'Мельничук', "Дем'яненко", 'Їжакевич', 'Ткаченко'];
const given = ['Олена', 'Олег', 'Ольга', 'Оксана', 'Іван', 'Іванна', 'Юрій', 'Юлія', 'Марія', 'Мар’яна', 'Андрій', 'Анна'];

beforeAll(async () => {
  tdb = await createTestDatabase();
  const world = await seedWorld(tdb.deps);
  hromadaId = world.bucha;
  otherHromadaId = world.stryi;
  const org = await tdb.deps.db.selectFrom('organisations').select('id').where('hromada_id', '=', hromadaId).executeTakeFirstOrThrow();
  // 300 persons in one hromada (and some in another), names from small pools so many are near one another, birth
  // dates from a small set so some share one.
  const rows = [];
  for (let i = 0; i < 360; i += 1) {
    const surname = surnames[(i * 7) % surnames.length] as string;
    const givenName = given[(i * 5 + Math.floor(i / 12)) % given.length] as string;
    const birthDate = `20${String(10 + (i % 8)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`;
    rows.push({ surname, given_name: givenName, birth_date: birthDate, sex: i % 2 ? 'male' : 'female', ...personKeys({ surname, givenName }), hromada_id: i < 300 ? hromadaId : otherHromadaId, organisation_id: org.id });
  }
  await tdb.deps.db.insertInto('persons').values(rows).execute();
});
afterAll(async () => {
  await tdb.close();
});

type Found = { id: string; birth_date: string; score: number };

/** Every person of the hromada scored, the thresholds and order of `matchingPersons` applied in plain SQL. */
async function scanAll(q: { nameKey: string; latin: string; birthDate: string | null }): Promise<Found[]> {
  const rows = await sql<Found & { sn: number; sl: number }>`
    SELECT id, birth_date, similarity(name_key, ${q.nameKey}) AS sn, similarity(latin_key, ${q.latin}) AS sl,
           greatest(similarity(name_key, ${q.nameKey}), similarity(latin_key, ${q.latin})) AS score
      FROM persons WHERE hromada_id = ${hromadaId}`.execute(tdb.deps.db);
  return rows.rows
    .filter((r) => r.sn > 0.35 || r.sl > 0.4 || (q.birthDate !== null && r.birth_date === q.birthDate && r.sn > 0.2))
    .sort((a, b) => Number(q.birthDate !== null && b.birth_date === q.birthDate) - Number(q.birthDate !== null && a.birth_date === q.birthDate) || b.score - a.score);
}

describe('person duplicate search (SPEC §2.3): indexed candidates lose no match', () => {
  const queries: Array<[string, string, string | null]> = [
    ['Коваленко', 'Олена', null],
    ['Коваленко', 'Олена', '2012-03-12'],
    ['Коваленка', 'Олена', null],
    ['Kovalenko', 'Olena', null],
    ['Шевчeнко', 'Іван', '2010-01-10'],
    ['Мельник', 'Ольга', null],
    ['Демяненко', 'Юлія', null],
    ['Ижакевич', 'Мария', null],
    ['Бондар', 'Андрій', '2017-08-17'],
    ['Зінченко', 'Петро', null],
  ];
  it.each(queries)('%s %s (%s): the same persons, scores and order as a scan of the whole hromada', async (surname, givenName, birthDate) => {
    const q = { nameKey: normalizeNameForMatch(`${surname} ${givenName}`), latin: `${looseLatinKey(surname)} ${looseLatinKey(givenName)}`.trim(), birthDate };
    const found = await matchingPersons(tdb.deps.db, { hromadaId, ...q });
    const expected = await scanAll(q);
    expect(found.length).toBe(Math.min(10, expected.length));
    // Ties may come in either order: compare the scores in order, and the set of persons above the last score shown.
    expect(found.map((r) => Math.round(Number(r.score) * 1e4))).toEqual(expected.slice(0, found.length).map((r) => Math.round(r.score * 1e4)));
    const last = found[found.length - 1];
    if (last) {
      const sure = expected.filter((r) => r.score > Number(last.score) + 1e-6 && (birthDate === null || r.birth_date !== birthDate));
      for (const r of sure) expect(found.map((f) => f.id)).toContain(r.id);
    }
    expect(found.every((r) => expected.some((e) => e.id === r.id))).toBe(true);
  });

  it('finds matches in the given hromada only', async () => {
    const q = { nameKey: normalizeNameForMatch('Коваленко Олена'), latin: `${looseLatinKey('Коваленко')} ${looseLatinKey('Олена')}` };
    const found = await matchingPersons(tdb.deps.db, { hromadaId: otherHromadaId, ...q });
    const inOther = await tdb.deps.db.selectFrom('persons').select('id').where('hromada_id', '=', otherHromadaId).execute();
    expect(found.length).toBeGreaterThan(0);
    for (const r of found) expect(inOther.map((p) => p.id)).toContain(r.id);
  });
});
