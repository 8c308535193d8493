import type { HromadaKind, OrganisationType } from '#domain/organisations/roles.ts';
import type { Tx } from '../../lib/context.ts';

/** Inserts a territory unit; shared by the demo seed and tests. */
export async function insertTerritory(db: Tx, t: { level: 'oblast' | 'rayon' | 'hromada' | 'starostat'; nameUk: string; nameEn: string; parentId?: string | null; kind?: HromadaKind; code?: string | null; population?: number; childPopulation?: number }): Promise<string> {
  const row = await db
    .insertInto('territories')
    .values({ level: t.level, name_uk: t.nameUk, name_en: t.nameEn, parent_id: t.parentId ?? null, hromada_kind: t.kind ?? null, code: t.code ?? null, population: t.population ?? null, child_population: t.childPopulation ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts an organisation located in a territory; `hromadaId` is the hromada containing it, if any. */
export async function insertOrganisation(db: Tx, o: { type: OrganisationType; nameUk: string; nameEn: string; territoryId: string | null; hromadaId: string | null }): Promise<string> {
  const row = await db.insertInto('organisations').values({ type: o.type, name_uk: o.nameUk, name_en: o.nameEn, territory_id: o.territoryId, hromada_id: o.hromadaId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
