import { hasRole } from '#domain/access/actor.ts';
import { canEditCommunityPlanning, canReadCommunityPlanning, planningScopeOf } from '#domain/access/planning-policy.ts';
import { DomainError } from '#domain/errors.ts';
import type { RequestActor, Tx } from '../lib/context.ts';
import { coordinatorOblastIds } from './institutions.service.ts';

/** A hromada with its rayon and oblast. */
export type HromadaPlace = { id: string; nameUk: string; nameEn: string; rayonId: string; oblastId: string | null };

/** Loads a hromada (404 `hromada_not_found` for anything else). */
export async function loadHromada(trx: Tx, id: string): Promise<HromadaPlace> {
  const h = await trx
    .selectFrom('territories as h')
    .innerJoin('territories as r', 'r.id', 'h.parent_id')
    .select(['h.id', 'h.name_uk', 'h.name_en', 'r.id as rayonId', 'r.parent_id as oblastId'])
    .where('h.id', '=', id)
    .where('h.level', '=', 'hromada')
    .executeTakeFirst();
  if (!h) throw new DomainError('hromada_not_found', 'Choose a hromada', { hromadaId: id });
  return { id: h.id, nameUk: h.name_uk, nameEn: h.name_en, rayonId: h.rayonId, oblastId: h.oblastId };
}

/** Hromadas of the oblasts the actor coordinates. */
export async function coordinatedHromadaIds(trx: Tx, actor: RequestActor): Promise<string[]> {
  const oblasts = await coordinatorOblastIds(trx, actor);
  if (oblasts.length === 0) return [];
  const rows = await trx
    .selectFrom('territories as h')
    .innerJoin('territories as r', 'r.id', 'h.parent_id')
    .select('h.id')
    .where('h.level', '=', 'hromada')
    .where('r.parent_id', 'in', oblasts)
    .execute();
  return rows.map((r) => r.id);
}

/** The hromadas the actor may read planning of, or null for all. 403 without any planning role. */
export async function readableHromadas(trx: Tx, actor: RequestActor): Promise<Set<string> | null> {
  const scope = planningScopeOf(actor);
  if (!scope) throw new DomainError('forbidden', 'Community planning is for planners, supervisors, oblast coordinators and analysts');
  if (scope.all) return null;
  return new Set([...scope.hromadaIds, ...(await coordinatedHromadaIds(trx, actor))]);
}

/** Refuses a read of the hromada's planning: `hidden` answers 404 (records addressed by id), otherwise 403. */
export async function requirePlanningRead(trx: Tx, actor: RequestActor, hromadaId: string, hidden: boolean): Promise<void> {
  const scope = planningScopeOf(actor);
  const coordinated = scope && scope.oblastOrganisationIds.length > 0 ? await coordinatedHromadaIds(trx, actor) : [];
  if (canReadCommunityPlanning(actor, hromadaId, coordinated)) return;
  if (hidden) throw new DomainError('not_found', 'Not found');
  throw new DomainError('forbidden', 'This hromada is outside your territory');
}

/** Refuses a change by anyone but the hromada's community planner (403; the record is known to exist and be readable). */
export function requirePlanningEdit(actor: RequestActor, hromadaId: string): void {
  if (!canEditCommunityPlanning(actor, hromadaId)) throw new DomainError('forbidden', 'Only the community planner of this hromada edits its planning');
}

/** Kyiv-time year boundaries as instants, and as dates. */
export function yearBounds(year: number) {
  return { fromDate: `${year}-01-01`, toDate: `${year}-12-31`, fromInstant: new Date(`${year}-01-01T00:00:00+02:00`), toInstant: new Date(`${year + 1}-01-01T00:00:00+02:00`) };
}

/** Refuses creation by anyone who is no community planner at all (403 before the place is looked up). */
export function requirePlannerRole(actor: RequestActor): void {
  if (!hasRole(actor, 'community_planner')) throw new DomainError('forbidden', 'Only community planners create planning records');
}
