import { registrationHromadaIds } from '#domain/access/intake-policy.ts';
import { hasRole } from '#domain/access/actor.ts';
import { DomainError } from '#domain/errors.ts';
import { formatFullName } from '#domain/persons/person-name.ts';
import type { Deps, RequestActor } from '../lib/context.ts';

/** Territory units; KATOTTH codes only for administrators (UX conventions). */
export async function listTerritories(deps: Deps, actor: RequestActor, q: { level?: string | undefined; parentId?: string | undefined }) {
  let query = deps.db.selectFrom('territories').select(['id', 'level', 'parent_id', 'name_uk', 'name_en', 'hromada_kind', 'code']);
  if (q.level) query = query.where('level', '=', q.level);
  if (q.parentId) query = query.where('parent_id', '=', q.parentId);
  const rows = await query.orderBy('name_uk').execute();
  const isAdmin = hasRole(actor, 'system_admin');
  return {
    items: rows.map((r) => ({ id: r.id, level: r.level as never, parentId: r.parent_id, nameUk: r.name_uk, nameEn: r.name_en, hromadaKind: r.hromada_kind as never, code: isAdmin ? r.code : null })),
  };
}

/** Case managers of the hromada's Centre of Social Services, for assignment at registration. */
export async function listAssignees(deps: Deps, actor: RequestActor, hromadaId: string) {
  if (!registrationHromadaIds(actor).includes(hromadaId)) throw new DomainError('forbidden', 'You may not assign cases in this hromada');
  const rows = await deps.db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select(['u.id', 'u.surname', 'u.given_name', 'u.patronymic', 'o.name_uk'])
    .where('r.role', '=', 'case_manager')
    .where('o.type', '=', 'css')
    .where('o.hromada_id', '=', hromadaId)
    .where('u.is_active', '=', true)
    .orderBy('u.surname')
    .execute();
  return { items: rows.map((r) => ({ id: r.id, fullName: formatFullName({ surname: r.surname, givenName: r.given_name, patronymic: r.patronymic }), organisationName: r.name_uk })) };
}
