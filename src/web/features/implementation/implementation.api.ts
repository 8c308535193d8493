import type { z } from 'zod';
import type { caseNoteCreateRequest, caseNotesPage, caseNoteUpdateRequest, caseNoteView } from '#contracts/case-notes.contract.ts';
import type { plansList, planView } from '#contracts/case-plans.contract.ts';
import type { teamList, teamMemberEndRequest, teamMemberRequest, teamMemberView } from '#contracts/case-team.contract.ts';
import type { deliveredServiceRequest, deliveredServicesPage } from '#contracts/delivered-services.contract.ts';
import type { homeVisitRequest, homeVisitSaved, homeVisitsPage } from '#contracts/home-visits.contract.ts';
import type { planReportRequest, planReportsList } from '#contracts/plan-reports.contract.ts';
import type { serviceCatalogueList } from '#contracts/service-catalogue.contract.ts';
import type { assigneesResponse } from '#contracts/territories.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

export type TeamList = z.infer<typeof teamList>;
export type TeamMember = z.infer<typeof teamMemberView>;
export type TeamMemberBody = z.input<typeof teamMemberRequest>;
export type TeamMemberEndBody = z.input<typeof teamMemberEndRequest>;
export type NotesPage = z.infer<typeof caseNotesPage>;
export type CaseNote = z.infer<typeof caseNoteView>;
export type NoteBody = z.input<typeof caseNoteCreateRequest>;
export type NoteUpdateBody = z.input<typeof caseNoteUpdateRequest>;
export type HomeVisitsPage = z.infer<typeof homeVisitsPage>;
export type HomeVisitBody = z.input<typeof homeVisitRequest>;
export type HomeVisitSaved = z.infer<typeof homeVisitSaved>;
export type DeliveredServicesPage = z.infer<typeof deliveredServicesPage>;
export type DeliveredServiceBody = z.input<typeof deliveredServiceRequest>;
export type PlanReportsList = z.infer<typeof planReportsList>;
export type PlanReportBody = z.input<typeof planReportRequest>;
export type PlanView = z.infer<typeof planView>;
export type Assignee = z.infer<typeof assigneesResponse>['items'][number];

const base = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}`;

export const fetchTeam = (caseId: string) => apiRequest<TeamList>(`${base(caseId)}/team`);
export const addTeamMember = (caseId: string, body: TeamMemberBody) => apiRequest<TeamMember>(`${base(caseId)}/team`, { method: 'POST', body });
export const endTeamMember = (caseId: string, memberId: string, body: TeamMemberEndBody) =>
  apiRequest<TeamMember>(`${base(caseId)}/team/${encodeURIComponent(memberId)}/end`, { method: 'POST', body });

export const fetchNotes = (caseId: string, cursor?: string) => apiRequest<NotesPage>(`${base(caseId)}/notes`, { query: { cursor, limit: 20 } });
export const createNote = (caseId: string, body: NoteBody) => apiRequest<CaseNote>(`${base(caseId)}/notes`, { method: 'POST', body });
export const updateNote = (caseId: string, noteId: string, body: NoteUpdateBody) => apiRequest<CaseNote>(`${base(caseId)}/notes/${encodeURIComponent(noteId)}`, { method: 'PUT', body });

export const fetchHomeVisits = (caseId: string, cursor?: string) => apiRequest<HomeVisitsPage>(`${base(caseId)}/home-visits`, { query: { cursor, limit: 20 } });
export const createHomeVisit = (caseId: string, body: HomeVisitBody) => apiRequest<HomeVisitSaved>(`${base(caseId)}/home-visits`, { method: 'POST', body });

export const fetchDeliveredServices = (caseId: string, cursor?: string) => apiRequest<DeliveredServicesPage>(`${base(caseId)}/delivered-services`, { query: { cursor, limit: 20 } });
export const createDeliveredService = (caseId: string, body: DeliveredServiceBody) => apiRequest<unknown>(`${base(caseId)}/delivered-services`, { method: 'POST', body });

export const fetchPlanReports = (caseId: string) => apiRequest<PlanReportsList>(`${base(caseId)}/plan-reports`);
export const createPlanReport = (caseId: string, body: PlanReportBody) => apiRequest<unknown>(`${base(caseId)}/plan-reports`, { method: 'POST', body });

/** The plan version agreed with the family (goals and measures with their stable keys), or null when none is agreed. */
export async function fetchAgreedPlan(caseId: string): Promise<PlanView | null> {
  const list = await apiRequest<z.infer<typeof plansList>>(`${base(caseId)}/plans`);
  const agreed = list.items.find((p) => p.status === 'agreed');
  return agreed ? apiRequest<PlanView>(`${base(caseId)}/plans/${encodeURIComponent(agreed.id)}`) : null;
}

/** Case managers of the hromada's Centre, who may join the team as users. */
export async function fetchAssignees(hromadaId: string): Promise<Assignee[]> {
  return (await apiRequest<z.infer<typeof assigneesResponse>>('/api/v1/assignees', { query: { hromadaId } })).items;
}

/** One service of the catalogue. */
export type CatalogueService = z.infer<typeof serviceCatalogueList>['items'][number];
/** GET /api/v1/service-catalogue — active services (ISSB and basic). */
export async function fetchServiceCatalogue(): Promise<CatalogueService[]> {
  return (await apiRequest<z.infer<typeof serviceCatalogueList>>('/api/v1/service-catalogue')).items;
}
