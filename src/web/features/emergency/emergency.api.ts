import { infiniteQueryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { conversionRequest, conversionResult, emergencyContactRequest, emergencyContactsPage, emergencyContactView } from '#contracts/service-decisions.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** One emergency (crisis) contact. */
export type EmergencyContact = z.infer<typeof emergencyContactView>;
/** A page of contacts. */
export type EmergencyContactsPage = z.infer<typeof emergencyContactsPage>;
/** A contact as sent. */
export type EmergencyContactBody = z.input<typeof emergencyContactRequest>;
/** The case opened from a contact. */
export type ConversionResult = z.infer<typeof conversionResult>;

/** GET /api/v1/emergency-contacts — newest first. */
export function fetchEmergencyContacts(cursor?: string): Promise<EmergencyContactsPage> {
  return apiRequest<EmergencyContactsPage>('/api/v1/emergency-contacts', { query: { limit: 50, cursor } });
}

/** POST /api/v1/emergency-contacts */
export function postEmergencyContact(body: EmergencyContactBody): Promise<EmergencyContact> {
  return apiRequest<EmergencyContact>('/api/v1/emergency-contacts', { method: 'POST', body });
}

/** POST /api/v1/emergency-contacts/{id}/conversion — opens a case when long-term support is needed. */
export function convertEmergencyContact(id: string, body: z.input<typeof conversionRequest>): Promise<ConversionResult> {
  return apiRequest<ConversionResult>(`/api/v1/emergency-contacts/${encodeURIComponent(id)}/conversion`, { method: 'POST', body });
}

/** The list, page by page. */
export const emergencyContactsQuery = infiniteQueryOptions({
  queryKey: ['emergency-contacts', 'list'],
  queryFn: ({ pageParam }) => fetchEmergencyContacts(pageParam),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
  staleTime: 10_000,
});
