import type { z } from 'zod';
import type {
  actionItemCreateRequest,
  actionItemUpdateRequest,
  actionItemView,
  actionReport,
  analyticsView,
  attendanceRequest,
  bodyCreateRequest,
  bodyList,
  bodyUpdateRequest,
  bodyView,
  caseSubmissions,
  determinationRequest,
  meetingCreateRequest,
  meetingView,
  memberCreateRequest,
  memberUpdateRequest,
  submissionRequest,
  submissionView,
  votesRequest,
} from '#contracts/panels.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** Bodies as listed. */
export type BodyList = z.infer<typeof bodyList>;
/** One body with members and meetings. */
export type Body = z.infer<typeof bodyView>;
/** One meeting. */
export type Meeting = z.infer<typeof meetingView>;
/** An agenda item of a meeting. */
export type AgendaItem = Meeting['items'][number];
/** The case's submissions. */
export type CaseSubmissions = z.infer<typeof caseSubmissions>;
/** One submission. */
export type Submission = z.infer<typeof submissionView>;
/** The action report. */
export type ActionReport = z.infer<typeof actionReport>;
/** One action item. */
export type ActionItem = z.infer<typeof actionItemView>;
/** Where the user may set up a body. */
export type BodyPlace = BodyList['places'][number];
/** One member. */
export type Member = Body['members'][number];
/** The analytics. */
export type Analytics = z.infer<typeof analyticsView>;

const enc = encodeURIComponent;

export const fetchBodies = () => apiRequest<BodyList>('/api/v1/panel-bodies');
export const fetchBody = (id: string) => apiRequest<Body>(`/api/v1/panel-bodies/${enc(id)}`);
export const addMember = (bodyId: string, body: z.input<typeof memberCreateRequest>) => apiRequest<Body>(`/api/v1/panel-bodies/${enc(bodyId)}/members`, { method: 'POST', body });
export const fetchActionReport = (id: string) => apiRequest<ActionReport>(`/api/v1/panel-bodies/${enc(id)}/action-items`);
export const createMeeting = (bodyId: string, body: z.input<typeof meetingCreateRequest>) => apiRequest<Meeting>(`/api/v1/panel-bodies/${enc(bodyId)}/meetings`, { method: 'POST', body });
export const fetchMeeting = (id: string) => apiRequest<Meeting>(`/api/v1/panel-meetings/${enc(id)}`);
export const saveAttendance = (id: string, body: z.input<typeof attendanceRequest>) => apiRequest<Meeting>(`/api/v1/panel-meetings/${enc(id)}/attendance`, { method: 'PUT', body });
export const signMinutes = (id: string, version: number) => apiRequest<Meeting>(`/api/v1/panel-meetings/${enc(id)}/signatures`, { method: 'POST', body: { version } });
export const addActionItem = (id: string, body: z.input<typeof actionItemCreateRequest>) => apiRequest<Meeting>(`/api/v1/panel-meetings/${enc(id)}/action-items`, { method: 'POST', body });
export const updateActionItem = (id: string, body: z.input<typeof actionItemUpdateRequest>) => apiRequest<ActionItem>(`/api/v1/panel-action-items/${enc(id)}`, { method: 'PUT', body });
export const saveDetermination = (itemId: string, body: z.input<typeof determinationRequest>) => apiRequest<Meeting>(`/api/v1/panel-agenda-items/${enc(itemId)}/determination`, { method: 'PUT', body });
export const recordVotes = (itemId: string, body: z.input<typeof votesRequest>) => apiRequest<Meeting>(`/api/v1/panel-agenda-items/${enc(itemId)}/votes`, { method: 'POST', body });
export const fetchCaseSubmissions = (caseId: string) => apiRequest<CaseSubmissions>(`/api/v1/cases/${enc(caseId)}/panel-submissions`);
export const submitCase = (caseId: string, body: z.input<typeof submissionRequest>) => apiRequest<Submission>(`/api/v1/cases/${enc(caseId)}/panel-submissions`, { method: 'POST', body });
/** Filters of the analytics: one body, one territory (with everything within it). */
export type AnalyticsFilters = { bodyId?: string; territoryId?: string };
export const fetchAnalytics = (f: AnalyticsFilters = {}) => {
  const qs = new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')).toString();
  return apiRequest<Analytics>(`/api/v1/panel-analytics${qs ? `?${qs}` : ''}`);
};
export const createBody = (body: z.input<typeof bodyCreateRequest>) => apiRequest<Body>('/api/v1/panel-bodies', { method: 'POST', body });
export const updateBody = (id: string, body: z.input<typeof bodyUpdateRequest>) => apiRequest<Body>(`/api/v1/panel-bodies/${enc(id)}`, { method: 'PUT', body });
export const updateMember = (id: string, body: z.input<typeof memberUpdateRequest>) => apiRequest<Body>(`/api/v1/panel-members/${enc(id)}`, { method: 'PUT', body });
/** The minutes as PDF, opened in the browser. */
export const minutesPdfUrl = (meetingId: string) => `/api/v1/panel-meetings/${enc(meetingId)}/minutes.pdf`;

/** Query keys of the panels area. */
export const panelKeys = {
  bodies: ['panels', 'bodies'] as const,
  body: (id: string) => ['panels', 'body', id] as const,
  report: (id: string) => ['panels', 'report', id] as const,
  meeting: (id: string) => ['panels', 'meeting', id] as const,
  caseSubmissions: (caseId: string) => ['panels', 'case', caseId] as const,
  analytics: (f: AnalyticsFilters = {}) => ['panels', 'analytics', f.bodyId ?? '', f.territoryId ?? ''] as const,
};
