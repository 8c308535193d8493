import { z } from 'zod';
import { declineReasons, referralActions, referralStatuses, referralUrgencies } from '#domain/services/referrals.ts';
import { serviceCodePattern } from '#domain/services/service-catalogue.ts';
import { legalGrounds } from '#domain/consent/consent.ts';
import { pageOf, pageQuery, text, uuid } from './common.contract.ts';

const referralFields = {
  /** The child the referral is about; the case's only child when omitted. */
  childPersonId: uuid.optional(),
  /** The plan measure the referral carries out; its service is the default. */
  measureId: uuid.nullable().default(null),
  /**
   * Or the measure by its stable key in the case's agreed plan version (as delivered services name it); used when
   * `measureId` is null.
   */
  measureKey: uuid.nullable().default(null),
  /** The provider organisation (id from the providers register). */
  providerId: uuid,
  serviceCode: z.string().regex(serviceCodePattern).max(100).optional(),
  urgency: z.enum(referralUrgencies).default('routine'),
  /** Description of the situation: why the child and family are referred. */
  reason: z.string().trim().min(1).max(4000),
  requestedIntervention: text().default(''),
  earlierServices: text().default(''),
  additionalInfo: text().default(''),
  /** How the provider reaches the family. */
  contact: text(500).default(''),
  /** Head of the referring organisation who signs the form. */
  signedBy: text(200).default(''),
  /**
   * The legal ground for sharing with the provider without every family member's consent (SPEC §11), with a note
   * (which act, which decision); null when the family consented.
   */
  legalGround: z.enum(legalGrounds).nullable().default(null),
  legalGroundNote: text(2000).default(''),
};

/** POST /api/v1/cases/{id}/referrals — a draft referral. */
export const referralCreateRequest = z.object(referralFields);
/** Request body. */
export type ReferralCreateRequest = z.infer<typeof referralCreateRequest>;

/** PUT /api/v1/referrals/{id} — edits a draft. */
export const referralUpdateRequest = z.object({ ...referralFields, version: z.number().int().min(1) });
/** Request body. */
export type ReferralUpdateRequest = z.infer<typeof referralUpdateRequest>;

/** POST /api/v1/referrals/{id}/transitions — one step of the lifecycle. */
export const referralTransitionRequest = z.object({
  action: z.enum(referralActions),
  version: z.number().int().min(1),
  /** With `decline`: why. */
  reasonCode: z.enum(declineReasons).nullable().optional(),
  /** The provider's feedback to the referring worker (accept, decline, start, complete) or why the referral is dropped. */
  note: text().default(''),
});
/** Request body. */
export type ReferralTransitionRequest = z.infer<typeof referralTransitionRequest>;

const named = z.object({ id: z.string(), nameUk: z.string(), nameEn: z.string() });

/**
 * A referral. The provider's workers get only what the referral carries — the child's name and age, the reason,
 * the contact — and `case`/`measure` are null for them: never the case itself.
 */
export const referralView = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(referralStatuses),
  urgency: z.enum(referralUrgencies),
  service: z.object({ code: z.string(), nameUk: z.string(), nameEn: z.string() }),
  provider: named,
  referringOrganisation: named,
  hromada: named,
  referredBy: z.object({ id: z.string(), name: z.string() }),
  child: z.object({ surname: z.string(), givenName: z.string(), patronymic: z.string(), age: z.number().int() }),
  reason: z.string(),
  requestedIntervention: z.string(),
  earlierServices: z.string(),
  additionalInfo: z.string(),
  contact: z.string(),
  signedBy: z.string(),
  legalGround: z.enum(legalGrounds).nullable(),
  legalGroundNote: z.string(),
  sentAt: z.string().nullable(),
  /** The provider's answer is due by then (from `deadline_rules`), with its source; `met` once answered. */
  responseDeadline: z.object({ dueDate: z.string(), status: z.enum(['met', 'overdue', 'due_today', 'due_soon', 'upcoming']), sourceUk: z.string(), sourceEn: z.string() }).nullable(),
  respondedAt: z.string().nullable(),
  declineReason: z.enum(declineReasons).nullable(),
  /** The provider's latest feedback to the referring worker. */
  feedback: z.string(),
  case: z.object({ id: z.string(), number: z.string() }).nullable(),
  /** The plan measure carried out: its row in the plan version, its key kept across versions (delivered services name it by key). */
  measure: z.object({ id: z.string(), key: z.string(), action: z.string() }).nullable(),
  history: z.array(z.object({ from: z.string(), to: z.enum(referralStatuses), at: z.string(), by: z.object({ id: z.string(), name: z.string() }), reasonCode: z.string().nullable(), note: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum([...referralActions, 'edit'])),
  /**
   * Free text that may carry abuse, health or disability details, emptied in the outgoing box (a list across cases)
   * for a viewer who is not on the case (SPEC §11 masking; Child Affairs, emergency access). The referral itself,
   * and the provider's incoming box (what the referral is for, behind consent), stay whole.
   */
  maskedFields: z.array(z.enum(['reason', 'earlierServices', 'additionalInfo'])),
});
/** One referral. */
export type ReferralView = z.infer<typeof referralView>;

/** GET /api/v1/referrals — the outgoing box (referrals of cases the user sees) or the incoming box (sent to the user's provider organisation). */
export const referralsQuery = pageQuery.extend({
  box: z.enum(['outgoing', 'incoming']),
  status: z.enum(referralStatuses).optional(),
});

/** A page of referrals. */
export const referralsPage = pageOf(referralView);

/** GET /api/v1/cases/{id}/referrals */
export const caseReferralsQuery = pageQuery;

/** Path parameters of a referral. */
export const referralParams = z.object({ id: uuid });

/** GET /api/v1/unmet-need — aggregate counts only (SPEC §8). */
export const unmetNeedQuery = z.object({
  hromadaId: uuid.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/** Referrals declined for lack of capacity, per hromada of the case and service; no personal data. */
export const unmetNeedReport = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  items: z.array(z.object({ hromada: named, service: z.object({ code: z.string(), nameUk: z.string(), nameEn: z.string() }), count: z.number().int() })),
  total: z.number().int(),
});
