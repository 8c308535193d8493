import type { Actor } from '#domain/access/actor.ts';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchMe, fetchSystemStatus, type Me } from './auth.api.ts';

/** The installation status (demo mode, whether any user exists). */
export const systemStatusQuery = queryOptions({
  queryKey: ['system', 'status'],
  queryFn: fetchSystemStatus,
  staleTime: 5 * 60_000,
  retry: 1,
});

/** The signed-in user; loaded by the app route before any page renders. */
export const meQuery = queryOptions({
  queryKey: ['auth', 'me'],
  queryFn: fetchMe,
  staleTime: Infinity,
  retry: false,
});

/** The signed-in user (the app route guarantees it is loaded). */
export function useMe(): Me {
  const { data } = useQuery(meQuery);
  const queryClient = useQueryClient();
  const me = data ?? queryClient.getQueryData(meQuery.queryKey);
  if (!me) throw new Error('useMe() used outside the signed-in part of the app');
  return me;
}

/** True when every role of the user is `reporter`: they see only their notifications and the form (SPEC §2.3). */
export function isReporterOnly(me: Me): boolean {
  return me.grants.length > 0 && me.grants.every((g) => g.role === 'reporter');
}

/** The signed-in user as the domain's access policies see them, so the web asks the same rules the server applies. */
export function actorOf(me: Me): Actor {
  return { userId: me.id, grants: me.grants.map((g) => ({ role: g.role, organisationId: g.organisationId, organisationType: g.organisationType, hromadaId: g.hromadaId })) };
}

/** True when the user holds the role anywhere. */
export function hasRole(me: Me, role: Me['grants'][number]['role']): boolean {
  return me.grants.some((g) => g.role === role);
}
