import type { z } from 'zod';
import type { needsAssessmentCreate, needsAssessmentList, needsAssessmentUpdate, needsAssessmentView, publicSummary, publicSummaryList, oblastPlanList, oblastPlanView, programmeCreate, programmeList, programmeUpdate, programmeView } from '#contracts/community-planning.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** A programme with its computed costing (SPEC §8). */
export type Programme = z.infer<typeof programmeView>;
/** The whole programme as saved. */
export type ProgrammeBody = z.input<typeof programmeUpdate>;
/** A needs assessment. */
export type NeedsAssessment = z.infer<typeof needsAssessmentView>;
/** The body of a needs assessment's save. */
export type NeedsAssessmentBody = z.input<typeof needsAssessmentUpdate>;
/** A published summary. */
export type PublicSummary = z.infer<typeof publicSummary>;
/** An oblast plan. */
export type OblastPlan = z.infer<typeof oblastPlanView>;

export const fetchProgrammes = () => apiRequest<z.infer<typeof programmeList>>('/api/v1/community-programmes');
export const fetchProgramme = (id: string) => apiRequest<Programme>(`/api/v1/community-programmes/${id}`);
export const createProgramme = (body: z.input<typeof programmeCreate>) => apiRequest<Programme>('/api/v1/community-programmes', { method: 'POST', body });
export const saveProgramme = (id: string, body: ProgrammeBody) => apiRequest<Programme>(`/api/v1/community-programmes/${id}`, { method: 'PUT', body });
export const fetchNeedsAssessments = () => apiRequest<z.infer<typeof needsAssessmentList>>('/api/v1/community-needs-assessments');
export const fetchNeedsAssessment = (id: string) => apiRequest<NeedsAssessment>(`/api/v1/community-needs-assessments/${id}`);
export const createNeedsAssessment = (body: z.input<typeof needsAssessmentCreate>) => apiRequest<NeedsAssessment>('/api/v1/community-needs-assessments', { method: 'POST', body });
export const saveNeedsAssessment = (id: string, body: NeedsAssessmentBody) => apiRequest<NeedsAssessment>(`/api/v1/community-needs-assessments/${id}`, { method: 'PUT', body });
export const fetchPublishedSummaries = () => apiRequest<z.infer<typeof publicSummaryList>>('/api/v1/community-needs-assessment-summaries');
export const fetchPublishedSummary = (id: string) => apiRequest<PublicSummary>(`/api/v1/community-needs-assessment-summaries/${id}`);
export const publishNeedsAssessment = (id: string, version: number) => apiRequest<NeedsAssessment>(`/api/v1/community-needs-assessments/${id}/publication`, { method: 'POST', body: { version } });
export const fetchOblastPlans = () => apiRequest<z.infer<typeof oblastPlanList>>('/api/v1/oblast-plans');
export const fetchOblastPlan = (id: string) => apiRequest<OblastPlan>(`/api/v1/oblast-plans/${id}`);

/** The body of a save: the view without its computed parts. */
export function programmeBody(p: Programme): ProgrammeBody {
  return {
    version: p.version,
    title: p.title,
    fromYear: p.fromYear,
    toYear: p.toYear,
    status: p.status,
    population: p.population,
    needsAssessmentId: p.needsAssessmentId,
    goals: p.goals.map((g) => ({ key: g.key, title: g.title, targetGroup: g.targetGroup, rationale: g.rationale, dueYear: g.dueYear, measures: g.measures, indicators: g.indicators.map((i) => ({ key: i.key, type: i.type, name: i.name, unit: i.unit, baseline: i.baseline, target: i.target, values: i.values })) })),
    costings: p.costings.map((c) => ({ key: c.key, serviceCode: c.serviceCode, staff: c.staff, payrollChargePercent: c.payrollChargePercent, materialsPerUnit: c.materialsPerUnit, overheadKind: c.overheadKind, overheadValue: c.overheadValue, expectedRecipients: c.expectedRecipients, unitsPerRecipient: c.unitsPerRecipient, deliveryOption: c.deliveryOption, quotes: c.quotes, note: c.note })),
  };
}

/** A fresh key for a new item. */
export function newKey(): string {
  return Math.random().toString(36).slice(2, 12);
}
