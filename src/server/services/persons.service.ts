import { sql } from 'kysely';
import { registrationHromadaIds } from '#domain/access/intake-policy.ts';
import { DomainError } from '#domain/errors.ts';
import { looseLatinKey, normalizeNameForMatch } from '#domain/persons/transliteration.ts';
import type { Deps, RequestActor } from '../lib/context.ts';
import { appendAudit } from './audit.service.ts';

/**
 * Existing persons with the same or a similar name (Cyrillic or Latin spelling) and, when given, the same birth date,
 * before a new person is created (SPEC §2.3). Only persons of hromadas where the user may register are searched.
 */
export async function findPersonMatches(deps: Deps, actor: RequestActor, q: { hromadaId: string; surname: string; givenName: string; birthDate?: string | undefined }) {
  if (!registrationHromadaIds(actor).includes(q.hromadaId)) throw new DomainError('forbidden', 'You may not search persons in this hromada');
  const nameKey = normalizeNameForMatch(`${q.surname} ${q.givenName}`);
  const latin = `${looseLatinKey(q.surname)} ${looseLatinKey(q.givenName)}`.trim();
  return deps.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('persons as p')
      .select([
        'p.id',
        'p.surname',
        'p.given_name',
        'p.patronymic',
        'p.birth_date',
        'p.sex',
        sql<number>`greatest(similarity(p.name_key, ${nameKey}), similarity(p.latin_key, ${latin}))`.as('score'),
        sql<string[]>`coalesce((SELECT array_agg(c.number ORDER BY c.number) FROM case_members m JOIN cases c ON c.id = m.case_id WHERE m.person_id = p.id AND c.status = 'open'), '{}')`.as('openCaseNumbers'),
      ])
      .where('p.hromada_id', '=', q.hromadaId)
      .where((eb) =>
        eb.or([
          // `%` (trigram similarity ≥ pg_trgm.similarity_threshold, 0.3) lets the (hromada_id, key) trigram index of
          // migration 0016 find the candidates; the stricter threshold then applies (docs/performance.md).
          sql<boolean>`(p.name_key % ${nameKey} AND similarity(p.name_key, ${nameKey}) > 0.35)`,
          sql<boolean>`(p.latin_key % ${latin} AND similarity(p.latin_key, ${latin}) > 0.4)`,
          ...(q.birthDate ? [eb.and([eb('p.birth_date', '=', q.birthDate), sql<boolean>`similarity(p.name_key, ${nameKey}) > 0.2`])] : []),
        ]),
      )
      .orderBy(q.birthDate ? sql`(p.birth_date = ${q.birthDate}) DESC` : sql`1`)
      .orderBy('score', 'desc')
      .limit(10)
      .execute();
    await appendAudit(trx, { actor, action: 'search', entity: 'person', entityId: '', details: { ids: rows.map((r) => r.id) } }, deps.now());
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
  });
}
