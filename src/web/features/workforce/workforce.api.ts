import type { z } from 'zod';
import type { territoriesResponse } from '#contracts/territories.contract.ts';
import type { myWorkforce, needInputsRequest, reassignCandidates, reassignmentResult, sessionRequest, sessionUpdateRequest, sessionView, staffRegister, staffRequest, staffUpdateRequest, supervisionLog, teamWellbeing, trainingRequest, workforceNeedView, workforceSettingsRequest, workforceSettingsView } from '#contracts/workforce.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

export type StaffRegister = z.infer<typeof staffRegister>;
export type StaffBody = z.input<typeof staffRequest>;
export type StaffUpdateBody = z.input<typeof staffUpdateRequest>;
export type TrainingBody = z.input<typeof trainingRequest>;
export type WorkforceSettings = z.infer<typeof workforceSettingsView>;
export type WorkforceSettingsBody = z.input<typeof workforceSettingsRequest>;
export type SupervisionLog = z.infer<typeof supervisionLog>;
export type Session = z.infer<typeof sessionView>;
export type SessionBody = z.input<typeof sessionRequest>;
export type SessionUpdateBody = z.input<typeof sessionUpdateRequest>;
export type MyWorkforce = z.infer<typeof myWorkforce>;
export type TeamWellbeing = z.infer<typeof teamWellbeing>;
export type WorkforceNeed = z.infer<typeof workforceNeedView>;
export type NeedInputsBody = z.input<typeof needInputsRequest>;
export type ReassignCandidates = z.infer<typeof reassignCandidates>;
export type ReassignmentResult = z.infer<typeof reassignmentResult>;

const enc = encodeURIComponent;

export const fetchStaffRegister = (organisationId?: string) => apiRequest<StaffRegister>('/api/v1/workforce/staff', { query: { organisationId } });
export const createStaff = (body: StaffBody) => apiRequest<unknown>('/api/v1/workforce/staff', { method: 'POST', body });
export const updateStaff = (id: string, body: StaffUpdateBody) => apiRequest<unknown>(`/api/v1/workforce/staff/${enc(id)}`, { method: 'PUT', body });
export const addTraining = (id: string, body: TrainingBody) => apiRequest<unknown>(`/api/v1/workforce/staff/${enc(id)}/trainings`, { method: 'POST', body });
export const fetchWorkforceSettings = () => apiRequest<WorkforceSettings>('/api/v1/workforce/settings');
export const saveWorkforceSettings = (body: WorkforceSettingsBody) => apiRequest<WorkforceSettings>('/api/v1/workforce/settings', { method: 'PUT', body });
/** Territories of one level (hromadas, starostats): the territory a worker covers. */
export const fetchTerritories = async (level: 'hromada' | 'starostat') => (await apiRequest<z.infer<typeof territoriesResponse>>('/api/v1/territories', { query: { level } })).items;
export const fetchSupervisionLog = () => apiRequest<SupervisionLog>('/api/v1/supervision/sessions');
export const fetchSession = (id: string) => apiRequest<Session>(`/api/v1/supervision/sessions/${enc(id)}`);
export const createSession = (body: SessionBody) => apiRequest<Session>('/api/v1/supervision/sessions', { method: 'POST', body });
export const updateSession = (id: string, body: SessionUpdateBody) => apiRequest<Session>(`/api/v1/supervision/sessions/${enc(id)}`, { method: 'PUT', body });
export const submitSession = (id: string, version: number) => apiRequest<Session>(`/api/v1/supervision/sessions/${enc(id)}/submission`, { method: 'POST', body: { version } });
export const fetchMyWorkforce = () => apiRequest<MyWorkforce>('/api/v1/workforce/me');
export const recordCheckin = (body: { exhaustion: number; stress: number; support: number }) => apiRequest<MyWorkforce>('/api/v1/workforce/me/checkins', { method: 'POST', body });
export const fetchTeamWellbeing = () => apiRequest<TeamWellbeing>('/api/v1/workforce/wellbeing');
export const fetchWorkforceNeed = (hromadaId: string) => apiRequest<WorkforceNeed>('/api/v1/workforce/need', { query: { hromadaId } });
export const saveNeedInputs = (hromadaId: string, body: NeedInputsBody) => apiRequest<WorkforceNeed>('/api/v1/workforce/need', { method: 'PUT', query: { hromadaId }, body });
export const needXlsxUrl = (hromadaId: string) => `/api/v1/workforce/need.xlsx?hromadaId=${enc(hromadaId)}`;
export const fetchReassignCandidates = (caseId: string) => apiRequest<ReassignCandidates>(`/api/v1/cases/${enc(caseId)}/reassignment-candidates`);
export const reassignCase = (caseId: string, body: { toUserId: string; reason: string; version: number }) => apiRequest<ReassignmentResult>(`/api/v1/cases/${enc(caseId)}/reassignment`, { method: 'POST', body });
