import { sql, type RawBuilder } from 'kysely';
import { registrationHromadaIds } from '#domain/access/intake-policy.ts';
import { DomainError } from '#domain/errors.ts';
import { looseLatinKey, normalizeNameForMatch } from '#domain/persons/transliteration.ts';
import type { Deps, RequestActor, Tx } from '../lib/context.ts';
import { appendAudit } from './audit.service.ts';

/**
 * Existing persons with the same or a similar name (Cyrillic or Latin spelling) and, when given, the same birth date,
 * before a new person is created (SPEC §2.3). Only persons of hromadas where the user may register are searched.
 */
export async function findPersonMatches(deps: Deps, actor: RequestActor, q: { hromadaId: string; surname: string; givenName: string; birthDate?: string | undefined }) {
  if (!registrationHromadaIds(actor).includes(q.hromadaId)) throw new DomainError('forbidden', 'You may not search persons in this hromada');
  const nameKey = normalizeNameForMatch(`${q.surname} ${q.givenName}`);
  const latin = `${looseLatinKey(q.surname)} ${looseLatinKey(q.givenName)}`.trim();
  // One statement for the search, one for its audit entry (committed before the answer leaves).
  const rows = await matchingPersons(deps.db, { hromadaId: q.hromadaId, nameKey, latin, birthDate: q.birthDate });
  await appendAudit(deps.db, { actor, action: 'search', entity: 'person', entityId: '', details: { ids: rows.map((r) => r.id) } }, deps.now());
  return {
    items: rows.map((r) => ({
      id: r.id,
      surname: r.surname,
      givenName: r.given_name,
      patronymic: r.patronymic,
      birthDate: r.birth_date,
      sex: r.sex as 'female' | 'male',
      score: Math.round(Number(r.score) * 100) / 100,
      sameBirthDate: q.birthDate ? r.birth_date === q.birthDate : false,
      openCaseNumbers: r.openCaseNumbers ?? [],
    })),
  };
}

/** The duplicate-search query without access check or audit (the service and `npm run bench` share it): one statement. */
export async function matchingPersons(trx: Tx, q: { hromadaId: string; nameKey: string; latin: string; birthDate?: string | null | undefined }) {
  const { nameKey, latin } = q;
  // The candidates come from the GiST (hromada_id, key) trigram indexes of 0022 and, with a birth date, from
  // (hromada_id, birth_date): `%` is trigram similarity ≥ pg_trgm.similarity_threshold (0.3, set on every connection
  // by db/client.ts: below both thresholds applied after it, so no match is lost). Each similarity is computed once per
  // candidate (OFFSET 0 keeps the planner from copying the calls into every test). Same birth date first when one is
  // given, then the score (a bare `1` in its place was a column position: the top ten by id, not by score).
  const order = (score: RawBuilder<unknown>) => (q.birthDate ? sql`(s.birth_date = ${q.birthDate}) DESC, ${score} DESC` : sql`${score} DESC`);
  const nearBirth = q.birthDate ? sql`OR (s.birth_date = ${q.birthDate} AND s.sn > 0.2)` : sql``;
  const scored = sql`SELECT p.id, p.birth_date, similarity(p.name_key, ${nameKey}) AS sn, similarity(p.latin_key, ${latin}) AS sl FROM persons p
    WHERE p.hromada_id = ${q.hromadaId} AND (p.name_key % ${nameKey} OR p.latin_key % ${latin} ${q.birthDate ? sql`OR p.birth_date = ${q.birthDate}` : sql``}) OFFSET 0`;
  return (
    await sql<{ id: string; surname: string; given_name: string; patronymic: string; birth_date: string; sex: string; score: number; openCaseNumbers: string[] | null }>`
      WITH best AS (
        SELECT s.id, s.birth_date, greatest(s.sn, s.sl) AS score FROM (${scored}) s
        WHERE s.sn > 0.35 OR s.sl > 0.4 ${nearBirth}
        ORDER BY ${order(sql`score`)} LIMIT 10
      )
      SELECT p.id, p.surname, p.given_name, p.patronymic, p.birth_date, p.sex, s.score,
        coalesce((SELECT array_agg(c.number ORDER BY c.number) FROM case_members m JOIN cases c ON c.id = m.case_id WHERE m.person_id = p.id AND c.status = 'open'), '{}') AS "openCaseNumbers"
      FROM best s JOIN persons p ON p.id = s.id
      ORDER BY ${order(sql`s.score`)}`.execute(trx)
  ).rows;
}
