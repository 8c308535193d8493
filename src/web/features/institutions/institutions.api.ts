import type { z } from 'zod';
import type { admissionRequest, childCountRequest, institutionCreateRequest, institutionsPage, institutionUpdateRequest, institutionView, monthlyAdmissions, transformationPlanRequest } from '#contracts/institutions.contract.ts';
import type { territoriesResponse } from '#contracts/territories.contract.ts';
import type { InstitutionType } from '#domain/institutions/institutions.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** One institution with its counts, plan and admissions (SPEC §6). */
export type Institution = z.infer<typeof institutionView>;
/** A page of the register. */
export type InstitutionsPage = z.infer<typeof institutionsPage>;
/** An institution in a list. */
export type InstitutionSummary = InstitutionsPage['items'][number];
/** A new institution. */
export type InstitutionCreateBody = z.input<typeof institutionCreateRequest>;
/** A change of an institution. */
export type InstitutionUpdateBody = z.input<typeof institutionUpdateRequest>;
/** A count of children. */
export type ChildCountBody = z.input<typeof childCountRequest>;
/** The plan as sent. */
export type PlanBody = z.input<typeof transformationPlanRequest>;
/** An admission as sent. */
export type AdmissionBody = z.input<typeof admissionRequest>;
/** First-time admissions per month and place. */
export type MonthlyAdmissions = z.infer<typeof monthlyAdmissions>;

/** Filters of the register. */
export type InstitutionFilters = { oblastId?: string | undefined; hromadaId?: string | undefined; type?: InstitutionType | undefined; q?: string | undefined };

/** GET /api/v1/institutions */
export function fetchInstitutions(filters: InstitutionFilters, cursor?: string, limit = 50): Promise<InstitutionsPage> {
  return apiRequest<InstitutionsPage>('/api/v1/institutions', { query: { ...filters, cursor, limit } });
}

/** GET /api/v1/institutions/{id} */
export function fetchInstitution(id: string): Promise<Institution> {
  return apiRequest<Institution>(`/api/v1/institutions/${encodeURIComponent(id)}`);
}

/** POST /api/v1/institutions */
export function createInstitution(body: InstitutionCreateBody): Promise<Institution> {
  return apiRequest<Institution>('/api/v1/institutions', { method: 'POST', body });
}

/** PUT /api/v1/institutions/{id} */
export function updateInstitution(id: string, body: InstitutionUpdateBody): Promise<Institution> {
  return apiRequest<Institution>(`/api/v1/institutions/${encodeURIComponent(id)}`, { method: 'PUT', body });
}

/** POST /api/v1/institutions/{id}/counts */
export function recordChildCount(id: string, body: ChildCountBody): Promise<Institution> {
  return apiRequest<Institution>(`/api/v1/institutions/${encodeURIComponent(id)}/counts`, { method: 'POST', body });
}

/** PUT /api/v1/institutions/{id}/plan */
export function saveTransformationPlan(id: string, body: PlanBody): Promise<Institution> {
  return apiRequest<Institution>(`/api/v1/institutions/${encodeURIComponent(id)}/plan`, { method: 'PUT', body });
}

/** POST /api/v1/institutions/{id}/admissions */
export function recordAdmission(id: string, body: AdmissionBody): Promise<Institution> {
  return apiRequest<Institution>(`/api/v1/institutions/${encodeURIComponent(id)}/admissions`, { method: 'POST', body });
}

/** GET /api/v1/institution-admissions/monthly */
export function fetchMonthlyAdmissions(filters: { oblastId?: string | undefined; hromadaId?: string | undefined }): Promise<MonthlyAdmissions> {
  return apiRequest<MonthlyAdmissions>('/api/v1/institution-admissions/monthly', { query: filters });
}

/** GET /api/v1/territories — the whole tree, to offer oblasts and the hromadas of each. */
export async function fetchTerritoryTree(): Promise<z.infer<typeof territoriesResponse>['items']> {
  return (await apiRequest<z.infer<typeof territoriesResponse>>('/api/v1/territories')).items;
}
