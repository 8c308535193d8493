import { z } from 'zod';
import { consentForms, consentGivers, consentKinds } from '#domain/consent/consent.ts';
import { isoDate, text, uuid } from './common.contract.ts';

/** POST /api/v1/cases/{id}/consents — a consent of a member of the case's family (SPEC §11). */
export const consentCreateRequest = z.object({
  personId: uuid,
  kind: z.enum(consentKinds),
  /** What the consent covers, in the person's words or the form's. */
  scope: text(2000).default(''),
  /** With `sharing_providers`: only this provider (register id); any provider of the case's referrals when null. */
  providerOrganisationId: uuid.nullable().default(null),
  givenBy: z.enum(consentGivers),
  /** The parent or legal representative (Прізвище Ім'я По батькові) when not the person. */
  givenByName: text(300).default(''),
  givenOn: isoDate,
  form: z.enum(consentForms),
});
/** Request body. */
export type ConsentCreateRequest = z.infer<typeof consentCreateRequest>;

/** POST /api/v1/cases/{id}/consents/{consentId}/withdrawal — the consent is withdrawn (kept, dated, with the reason). */
export const consentWithdrawalRequest = z.object({
  withdrawnOn: isoDate,
  reason: text(2000).min(1),
  version: z.number().int().min(1),
});
/** Request body. */
export type ConsentWithdrawalRequest = z.infer<typeof consentWithdrawalRequest>;

/** Path parameters of one consent. */
export const consentParams = z.object({ id: uuid, consentId: uuid });

/** One consent with its history (given, withdrawn). */
export const consentView = z.object({
  id: z.string(),
  version: z.number().int(),
  personId: z.string(),
  personName: z.string(),
  kind: z.enum(consentKinds),
  scope: z.string(),
  provider: z.object({ id: z.string(), nameUk: z.string(), nameEn: z.string() }).nullable(),
  givenBy: z.enum(consentGivers),
  givenByName: z.string(),
  givenOn: isoDate,
  form: z.enum(consentForms),
  status: z.enum(['current', 'withdrawn']),
  withdrawnOn: isoDate.nullable(),
  withdrawalReason: z.string(),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  withdrawnBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  allowedActions: z.array(z.enum(['withdraw'])),
});
/** One consent. */
export type ConsentView = z.infer<typeof consentView>;

/** GET /api/v1/cases/{id}/consents — every consent of the case's family members, current and withdrawn, newest first. */
export const consentList = z.object({
  items: z.array(consentView),
  /** The family members and whether each may be shared with providers today (a current consent without a provider limit). */
  members: z.array(z.object({ personId: z.string(), name: z.string(), role: z.enum(['child', 'adult']), sharingWithProviders: z.boolean(), processing: z.boolean() })),
  allowedActions: z.array(z.enum(['create'])),
});
/** The consents of a case. */
export type ConsentList = z.infer<typeof consentList>;
