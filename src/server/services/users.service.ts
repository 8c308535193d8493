import { DomainError } from '#domain/errors.ts';
import { roles, type Role } from '#domain/organisations/roles.ts';
import type { Deps, RequestActor } from '../lib/context.ts';
import { appendAudit } from './audit.service.ts';
import { hashPassword } from './auth.service.ts';

/** Input to create a user (CLI `rodyna users create`, demo seed). */
export type CreateUserInput = {
  username: string;
  password: string;
  surname: string;
  givenName: string;
  patronymic?: string;
  grants: Array<{ role: Role; organisationId: string }>;
  supervisorId?: string | null;
  isDemo?: boolean;
  locale?: 'uk' | 'en';
};

/** Minimum password rules for people who hold children's data. */
export function checkPasswordStrength(password: string): void {
  if (password.length < 12) throw new DomainError('weak_password', 'The password must have at least 12 characters');
}

/** Creates a user with role grants; `by` is null when the system itself does it (CLI, seed). */
export async function createUser(deps: Deps, input: CreateUserInput, by: RequestActor | null): Promise<{ id: string }> {
  if (!/^[a-z0-9._-]{3,64}$/i.test(input.username)) throw new DomainError('invalid_username', 'Usernames use 3–64 latin letters, digits, dot, dash or underscore');
  checkPasswordStrength(input.password);
  for (const g of input.grants) if (!(roles as readonly string[]).includes(g.role)) throw new DomainError('unknown_role', `Unknown role ${g.role}`);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase())).executeTakeFirst();
    if (taken) throw new DomainError('username_taken', 'This username is already taken');
    for (const g of input.grants) {
      const org = await trx.selectFrom('organisations').select('id').where('id', '=', g.organisationId).executeTakeFirst();
      if (!org) throw new DomainError('organisation_not_found', `Organisation ${g.organisationId} does not exist`);
    }
    const user = await trx
      .insertInto('users')
      .values({
        username: input.username,
        password_hash: passwordHash,
        surname: input.surname,
        given_name: input.givenName,
        patronymic: input.patronymic ?? '',
        supervisor_id: input.supervisorId ?? null,
        is_demo: input.isDemo ?? false,
        locale: input.locale ?? 'uk',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.grants.length > 0) await trx.insertInto('user_roles').values(input.grants.map((g) => ({ user_id: user.id, organisation_id: g.organisationId, role: g.role }))).execute();
    await appendAudit(trx, { actor: by, action: 'user_create', entity: 'user', entityId: user.id, details: { username: input.username, roles: input.grants.map((g) => g.role) } }, deps.now());
    return { id: user.id };
  });
}

/** A user as listed by the CLI. */
export type UserListItem = { id: string; username: string; fullName: string; isActive: boolean; isDemo: boolean; roles: string[] };

/** All users with their roles, by username. */
export async function listUsers(deps: Deps): Promise<UserListItem[]> {
  const users = await deps.db.selectFrom('users').select(['id', 'username', 'surname', 'given_name', 'patronymic', 'is_active', 'is_demo']).orderBy('username').execute();
  const grants = await deps.db.selectFrom('user_roles as r').innerJoin('organisations as o', 'o.id', 'r.organisation_id').select(['r.user_id', 'r.role', 'o.name_uk']).execute();
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    fullName: [u.surname, u.given_name, u.patronymic].filter(Boolean).join(' '),
    isActive: u.is_active,
    isDemo: u.is_demo,
    roles: grants.filter((g) => g.user_id === u.id).map((g) => `${g.role}@${g.name_uk}`),
  }));
}

/** Disables a user and ends their sessions. */
export async function disableUser(deps: Deps, username: string, by: RequestActor | null): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase())).executeTakeFirst();
    if (!user) throw new DomainError('not_found', `No user ${username}`);
    await trx.updateTable('users').set({ is_active: false, updated_at: deps.now() }).where('id', '=', user.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await appendAudit(trx, { actor: by, action: 'user_disable', entity: 'user', entityId: user.id }, deps.now());
  });
}

/** Whether any user exists and whether demo users do (the web app's demo banner). */
export async function systemStatus(deps: Pick<Deps, 'db'>): Promise<{ hasUsers: boolean; demoMode: boolean }> {
  const any = await deps.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  const demo = await deps.db.selectFrom('users').select('id').where('is_demo', '=', true).where('is_active', '=', true).limit(1).executeTakeFirst();
  return { hasUsers: !!any, demoMode: !!demo };
}
