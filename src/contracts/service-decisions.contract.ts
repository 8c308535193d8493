import { z } from 'zod';
import { caseTypes } from '#domain/cases/case-types.ts';
import { agreementStatuses, serviceDecisionKinds, terminationGrounds } from '#domain/cases/service-decision.ts';
import { intakeMember } from './cases.contract.ts';
import { isoDate, isoInstant, pageOf, text, uuid } from './common.contract.ts';

const named = z.object({ id: z.string(), name: z.string() });

/** POST /api/v1/cases/{id}/decisions — decision to provide, refuse or terminate services (Law "On Social Services" art. 21, 24). */
export const decisionRequest = z.object({
  decision: z.enum(serviceDecisionKinds),
  /** Required for termination: one of the grounds of art. 24. */
  terminationGround: z.enum(terminationGrounds).nullable().default(null),
  /** Legal grounds in words; required for a refusal. */
  legalGrounds: text(4000).default(''),
  /** Services the decision is about (catalogue codes). */
  serviceCodes: z.array(z.string().trim().max(100)).max(50).default([]),
  /** Date of the decision; today when omitted. */
  decidedOn: isoDate.optional(),
});
/** A decision as sent. */
export type DecisionRequest = z.infer<typeof decisionRequest>;

/** One recorded decision. */
export const decisionView = z.object({
  id: z.string(),
  caseId: z.string(),
  decision: z.enum(serviceDecisionKinds),
  terminationGround: z.enum(terminationGrounds).nullable(),
  legalGrounds: z.string(),
  serviceCodes: z.array(z.string()),
  decidedOn: isoDate,
  decidedBy: named,
  version: z.number().int(),
  createdAt: z.string(),
});

/** GET /api/v1/cases/{id}/decisions — newest first, with whether a threat to life or health is recorded (art. 24). */
export const decisionsList = z.object({ items: z.array(decisionView), threatRecorded: z.boolean(), allowedActions: z.array(z.enum(['record'])) });

/** POST /api/v1/cases/{id}/agreements — the agreement (contract) with the provider, including the agreed plan (art. 22). */
export const agreementRequest = z.object({
  planId: uuid,
  providerOrganisationId: uuid,
  signedOn: isoDate,
  signedByRecipient: text(300).min(1),
  validUntil: isoDate.nullable().default(null),
});
/** An agreement as sent. */
export type AgreementRequest = z.infer<typeof agreementRequest>;

/** One agreement. */
export const agreementView = z.object({
  id: z.string(),
  caseId: z.string(),
  plan: z.object({ id: z.string(), versionNo: z.number().int() }),
  provider: named,
  signedOn: isoDate,
  signedByRecipient: z.string(),
  validUntil: isoDate.nullable(),
  status: z.enum(agreementStatuses),
  endedOn: isoDate.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});

/** GET /api/v1/cases/{id}/agreements — newest first, with the providers of the case's hromada an agreement may name. */
export const agreementsList = z.object({ items: z.array(agreementView), providers: z.array(named), allowedActions: z.array(z.enum(['sign'])) });

/** POST /api/v1/emergency-contacts — crisis services given on an act of provision, without case management (art. 23). */
export const emergencyContactRequest = z.object({
  hromadaId: uuid,
  occurredAt: isoInstant,
  situation: text(8000).min(1),
  threatToLifeOrHealth: z.boolean().default(false),
  /** Services given (catalogue codes). */
  serviceCodes: z.array(z.string().trim().max(100)).min(1).max(20),
  members: z.array(intakeMember).min(1).max(30),
});
/** An emergency contact as sent. */
export type EmergencyContactRequest = z.infer<typeof emergencyContactRequest>;

/** One emergency contact. */
export const emergencyContactView = z.object({
  id: z.string(),
  hromada: named,
  organisation: named,
  occurredAt: z.string(),
  situation: z.string(),
  threatToLifeOrHealth: z.boolean(),
  serviceCodes: z.array(z.string()),
  providedBy: named,
  members: z.array(z.object({ personId: z.string(), surname: z.string(), givenName: z.string(), patronymic: z.string(), birthDate: isoDate, role: z.enum(['child', 'adult']), relationship: z.string() })),
  case: z.object({ id: z.string(), number: z.string() }).nullable(),
  convertedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  allowedActions: z.array(z.enum(['convert'])),
});

/** GET /api/v1/emergency-contacts — those of the user's organisations, newest first. */
export const emergencyContactsPage = pageOf(emergencyContactView);

/** POST /api/v1/emergency-contacts/{id}/conversion — long-term support is needed: open a case (SPEC §2.9). */
export const conversionRequest = z.object({
  version: z.number().int().min(1),
  caseType: z.enum(caseTypes).default('prevention'),
  /** Case manager to assign; the converting case manager by default. */
  caseManagerId: uuid.optional(),
});

/** The case opened from an emergency contact. */
export const conversionResult = z.object({ emergencyContactId: z.string(), caseId: z.string(), caseNumber: z.string(), urgent: z.boolean() });
