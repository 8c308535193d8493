import { z } from 'zod';
import { admissionReasons, ageGroups, childLegalStatuses, institutionGovernanceLevels, institutionOwnerships, institutionStatuses, institutionSubordinations, institutionTypes } from '#domain/institutions/institutions.ts';
import { milestoneStatuses, targetProfiles, transformationPlanStatuses } from '#domain/institutions/transformation.ts';
import { isoDate, pageOf, pageQuery, text, uuid } from './common.contract.ts';

const place = z.object({ id: z.string(), nameUk: z.string(), nameEn: z.string() });
const count = z.number().int().min(0).max(100000);

/** GET /api/v1/institutions — the register, filtered by place, type and a part of the name. */
export const institutionsQuery = pageQuery.extend({
  oblastId: uuid.optional(),
  hromadaId: uuid.optional(),
  type: z.enum(institutionTypes).optional(),
  q: z.string().trim().max(100).optional(),
});

/** Children counted on a date (aggregate, no persons). */
export const childCountView = z.object({
  id: z.string(),
  asOf: isoDate,
  total: z.number().int(),
  byAge: z.object(Object.fromEntries(ageGroups.map((a) => [a, z.number().int()])) as Record<(typeof ageGroups)[number], z.ZodNumber>),
  byStatus: z.object(Object.fromEntries(childLegalStatuses.map((s) => [s, z.number().int()])) as Record<(typeof childLegalStatuses)[number], z.ZodNumber>),
  withDisability: z.number().int(),
});
/** One count. */
export type ChildCountView = z.infer<typeof childCountView>;

/** One institution of the register (SPEC §6). */
export const institutionSummary = z.object({
  id: z.string(),
  nameUk: z.string(),
  nameEn: z.string(),
  type: z.enum(institutionTypes),
  subordination: z.enum(institutionSubordinations),
  ownership: z.enum(institutionOwnerships),
  governanceLevel: z.enum(institutionGovernanceLevels),
  capacity: z.number().int(),
  status: z.enum(institutionStatuses),
  oblast: place,
  hromada: place.nullable(),
  address: z.string(),
  edrpou: z.string(),
  notes: z.string(),
  /** The latest count of children living there, if any. */
  latestCount: z.object({ asOf: isoDate, total: z.number().int() }).nullable(),
  version: z.number().int(),
  allowedActions: z.array(z.enum(['edit', 'record'])),
});
/** One institution in a list. */
export type InstitutionSummary = z.infer<typeof institutionSummary>;

/** GET /api/v1/institutions */
export const institutionsPage = pageOf(institutionSummary);

/** A milestone of the transformation plan. */
export const milestoneView = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: isoDate,
  responsible: z.string(),
  status: z.enum(milestoneStatuses),
  doneDate: isoDate.nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});
/** One milestone. */
export type MilestoneView = z.infer<typeof milestoneView>;

/** The transformation plan with progress. */
export const transformationPlanView = z.object({
  id: z.string(),
  targetProfile: z.enum(targetProfiles),
  status: z.enum(transformationPlanStatuses),
  approvedOn: isoDate.nullable(),
  approvedBy: z.string(),
  resourcesRedirected: z.string(),
  notes: z.string(),
  milestones: z.array(milestoneView),
  progressPercent: z.number().int(),
  overdueCount: z.number().int(),
  version: z.number().int(),
});
/** The plan. */
export type TransformationPlanView = z.infer<typeof transformationPlanView>;

/** An admission recorded (no persons). */
export const admissionView = z.object({
  id: z.string(),
  admittedOn: isoDate,
  ageGroup: z.enum(ageGroups),
  reason: z.enum(admissionReasons),
  gatekeepingConsulted: z.boolean(),
  firstTime: z.boolean(),
  children: z.number().int(),
});
/** One admission. */
export type AdmissionView = z.infer<typeof admissionView>;

/** GET /api/v1/institutions/{id} — details, counts history (newest first), plan, admissions (newest first). */
export const institutionView = institutionSummary.extend({
  counts: z.array(childCountView),
  plan: transformationPlanView.nullable(),
  admissions: z.array(admissionView),
});
/** One institution. */
export type InstitutionView = z.infer<typeof institutionView>;

const institutionFields = {
  nameUk: z.string().trim().min(1).max(300),
  nameEn: text(300).default(''),
  type: z.enum(institutionTypes),
  subordination: z.enum(institutionSubordinations),
  ownership: z.enum(institutionOwnerships),
  governanceLevel: z.enum(institutionGovernanceLevels),
  capacity: count,
  status: z.enum(institutionStatuses).default('operating'),
  oblastId: uuid,
  hromadaId: uuid.nullable().default(null),
  address: text(500).default(''),
  edrpou: z.string().trim().regex(/^(\d{8})?$/, 'EDRPOU code has 8 digits').default(''),
  notes: text(2000).default(''),
};

/** POST /api/v1/institutions */
export const institutionCreateRequest = z.object(institutionFields);
/** Request body. */
export type InstitutionCreateRequest = z.infer<typeof institutionCreateRequest>;

/** PUT /api/v1/institutions/{id} */
export const institutionUpdateRequest = z.object({ ...institutionFields, version: z.number().int().min(1) });
/** Request body. */
export type InstitutionUpdateRequest = z.infer<typeof institutionUpdateRequest>;

/** POST /api/v1/institutions/{id}/counts */
export const childCountRequest = z.object({
  asOf: isoDate,
  total: count,
  byAge: z.object(Object.fromEntries(ageGroups.map((a) => [a, count.default(0)])) as Record<(typeof ageGroups)[number], z.ZodDefault<typeof count>>),
  byStatus: z.object(Object.fromEntries(childLegalStatuses.map((s) => [s, count.default(0)])) as Record<(typeof childLegalStatuses)[number], z.ZodDefault<typeof count>>),
  withDisability: count.default(0),
});
/** Request body. */
export type ChildCountRequest = z.infer<typeof childCountRequest>;

const milestoneFields = {
  title: z.string().trim().min(1).max(300),
  dueDate: isoDate,
  responsible: text(300).default(''),
  status: z.enum(milestoneStatuses).default('planned'),
  doneDate: isoDate.nullable().default(null),
};

/** PUT /api/v1/institutions/{id}/plan — creates the plan (version 0 or absent) or changes it with its milestones. */
export const transformationPlanRequest = z.object({
  targetProfile: z.enum(targetProfiles),
  status: z.enum(transformationPlanStatuses).default('draft'),
  approvedOn: isoDate.nullable().default(null),
  approvedBy: text(300).default(''),
  resourcesRedirected: text(2000).default(''),
  notes: text(2000).default(''),
  /** Milestones; an `id` keeps an existing one, without it a new one is added; existing ones left out are removed. */
  milestones: z.array(z.object({ id: uuid.optional(), ...milestoneFields })).max(100),
  /** The plan's version the change is based on; absent when creating the plan. */
  version: z.number().int().min(1).optional(),
});
/** Request body. */
export type TransformationPlanRequest = z.infer<typeof transformationPlanRequest>;

/** POST /api/v1/institutions/{id}/admissions */
export const admissionRequest = z.object({
  admittedOn: isoDate,
  ageGroup: z.enum(ageGroups),
  reason: z.enum(admissionReasons),
  gatekeepingConsulted: z.boolean(),
  firstTime: z.boolean().default(true),
  children: z.number().int().min(1).max(1000).default(1),
});
/** Request body. */
export type AdmissionRequest = z.infer<typeof admissionRequest>;

/** GET /api/v1/institution-admissions/monthly — first-time admissions per hromada (or oblast) and month. */
export const monthlyAdmissionsQuery = z.object({
  oblastId: uuid.optional(),
  hromadaId: uuid.optional(),
  from: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}$/).optional(),
});

/** One row: a month and a place with the children admitted for the first time and how many with gatekeeping. */
export const monthlyAdmissionRow = z.object({
  month: z.string(),
  oblast: place,
  hromada: place.nullable(),
  children: z.number().int(),
  withGatekeeping: z.number().int(),
});
/** GET response. */
export const monthlyAdmissions = z.object({ items: z.array(monthlyAdmissionRow) });
/** One row. */
export type MonthlyAdmissionRow = z.infer<typeof monthlyAdmissionRow>;

/** A child of a case placed in the institution (through an institutional care episode), for those who see the case. */
export const institutionChildView = z.object({
  episodeId: z.string(),
  caseId: z.string(),
  personId: z.string(),
  surname: z.string(),
  givenName: z.string(),
  patronymic: z.string(),
  birthDate: isoDate.nullable(),
  startDate: isoDate,
  endDate: isoDate.nullable(),
});
/** GET /api/v1/institutions/{id}/children */
export const institutionChildren = z.object({ items: z.array(institutionChildView) });

/** PUT /api/v1/care-episodes/{id}/institution — links an institutional care episode to the register (or unlinks with null). */
export const episodeInstitutionRequest = z.object({ caseId: uuid, institutionId: uuid.nullable(), version: z.number().int().min(1) });
