import type { z } from 'zod';
import type { personMatchResponse, personMatchView } from '#contracts/persons.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** A person already on record who may be the one being entered. */
export type PersonMatch = z.infer<typeof personMatchView>;

/** GET /api/v1/persons/matches — same or similar name (also across scripts) and birth date (SPEC §2.3, §12). */
export async function fetchPersonMatches(
  params: { hromadaId: string; surname: string; givenName?: string; birthDate?: string | null },
  signal?: AbortSignal,
): Promise<PersonMatch[]> {
  const res = await apiRequest<z.infer<typeof personMatchResponse>>('/api/v1/persons/matches', {
    query: { hromadaId: params.hromadaId, surname: params.surname, givenName: params.givenName, birthDate: params.birthDate ?? undefined },
    ...(signal ? { signal } : {}),
  });
  return res.items;
}
