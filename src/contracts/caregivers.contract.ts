import { z } from 'zod';
import { caregiverActions } from '#domain/access/caregiver-policy.ts';
import { caregiverStages, caregiverTypes, deregistrationReasons, householdRoles } from '#domain/caregivers/caregivers.ts';
import { matchReasons } from '#domain/caregivers/matching.ts';
import { isoDate, text, uuid } from './common.contract.ts';

/** A place of the territory tree as shown. */
const placeRef = z.object({ id: z.string(), nameUk: z.string(), nameEn: z.string() });

/** A person of the household. */
export const caregiverMemberInput = z.object({
  role: z.enum(householdRoles),
  surname: z.string().trim().min(1).max(100),
  givenName: z.string().trim().min(1).max(100),
  patronymic: text(100).default(''),
  birthDate: isoDate,
});
/** A member as shown. */
export const caregiverMemberView = z.object({ id: z.string(), role: z.enum(householdRoles), surname: z.string(), givenName: z.string(), patronymic: z.string(), birthDate: z.string() });

/** POST /api/v1/caregivers — a statement of intent received (SPEC §5.2). */
export const caregiverCreateRequest = z.object({
  caregiverType: z.enum(caregiverTypes),
  name: z.string().trim().min(1).max(300),
  hromadaId: uuid,
  /** The date the statement of intent was received. */
  intentDate: isoDate,
  address: text(500).default(''),
  phone: text(100).default(''),
  notes: text(4000).default(''),
  members: z.array(caregiverMemberInput).min(1).max(20),
});
/** A new caregiver. */
export type CaregiverCreateRequest = z.infer<typeof caregiverCreateRequest>;

/** PUT /api/v1/caregivers/{id} — details, household, availability and the assigned worker. */
export const caregiverUpdateRequest = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(300),
  address: text(500).default(''),
  phone: text(100).default(''),
  notes: text(4000).default(''),
  members: z.array(caregiverMemberInput).min(1).max(20),
  capacity: z.number().int().min(0).max(10),
  ageFrom: z.number().int().min(0).max(17),
  ageTo: z.number().int().min(0).max(17),
  siblingsAccepted: z.boolean(),
  disabilitySpecialisation: z.boolean(),
  assignedWorkerId: uuid.nullable().default(null),
});
/** An edit. */
export type CaregiverUpdateRequest = z.infer<typeof caregiverUpdateRequest>;

/** POST /api/v1/caregivers/{id}/stage-moves */
export const stageMoveRequest = z.object({
  version: z.number().int().min(1),
  to: z.enum(caregiverStages),
  date: isoDate,
  decisionReference: text(200).default(''),
  decidingAuthority: text(300).default(''),
  agreementReference: text(200).default(''),
  deregistrationReason: z.enum(deregistrationReasons).nullable().default(null),
  notes: text(4000).default(''),
});
/** A stage move. */
export type StageMoveRequest = z.infer<typeof stageMoveRequest>;

/** POST /api/v1/caregivers/{id}/support-events — a check-in or an in-service training. */
export const supportEventRequest = z.object({
  kind: z.enum(['check_in', 'training']),
  date: isoDate,
  hours: z.number().min(0.1).max(500).nullable().default(null),
  notes: text(4000).default(''),
});
/** A support event. */
export type SupportEventRequest = z.infer<typeof supportEventRequest>;

/** GET /api/v1/caregivers */
export const caregiversQuery = z.object({ caregiverType: z.enum(caregiverTypes).optional(), stage: z.enum(caregiverStages).optional(), hromadaId: uuid.optional() });

const supportStatusView = z.object({ extraMonitoring: z.boolean(), checkInDue: z.string().nullable(), checkInOverdue: z.boolean(), trainingDue: z.string().nullable(), trainingOverdue: z.boolean() });

/** A caregiver in the register list. */
export const caregiverListItem = z.object({
  id: z.string(),
  caregiverType: z.enum(caregiverTypes),
  name: z.string(),
  hromada: placeRef,
  stage: z.enum(caregiverStages),
  stageDate: z.string(),
  capacity: z.number().int(),
  placedNow: z.number().int(),
  ageFrom: z.number().int(),
  ageTo: z.number().int(),
  siblingsAccepted: z.boolean(),
  disabilitySpecialisation: z.boolean(),
  support: supportStatusView,
});
/** One row of the register. */
export type CaregiverListItem = z.infer<typeof caregiverListItem>;

/** GET /api/v1/caregivers */
export const caregiversList = z.object({ items: z.array(caregiverListItem) });

/** A caregiver with its history (GET /api/v1/caregivers/{id}). */
export const caregiverView = caregiverListItem.extend({
  address: z.string(),
  phone: z.string(),
  notes: z.string(),
  approvedOn: z.string().nullable(),
  decisionReference: z.string(),
  decidingAuthority: z.string(),
  agreementReference: z.string(),
  deregistrationReason: z.enum(deregistrationReasons).nullable(),
  assignedWorker: z.object({ id: z.string(), name: z.string() }).nullable(),
  members: z.array(caregiverMemberView),
  stages: z.array(
    z.object({ id: z.string(), fromStage: z.enum(caregiverStages).nullable(), toStage: z.enum(caregiverStages), date: z.string(), decisionReference: z.string(), decidingAuthority: z.string(), agreementReference: z.string(), deregistrationReason: z.enum(deregistrationReasons).nullable(), notes: z.string(), recordedBy: z.string() }),
  ),
  supportEvents: z.array(z.object({ id: z.string(), kind: z.enum(['check_in', 'training']), date: z.string(), hours: z.number().nullable(), notes: z.string(), recordedBy: z.string() })),
  placements: z.array(z.object({ id: z.string(), caseId: z.string(), startDate: z.string(), current: z.boolean(), decisionReference: z.string() })),
  nextStages: z.array(z.enum(caregiverStages)),
  /** Whether the signed-in user's authority may approve this type (SPEC §5.3). */
  mayApprove: z.boolean(),
  version: z.number().int(),
  allowedActions: z.array(z.enum(caregiverActions)),
});
/** One caregiver. */
export type CaregiverView = z.infer<typeof caregiverView>;

/** GET /api/v1/cases/{id}/matching?childId= */
export const matchingQuery = z.object({ childId: uuid });
/** A reason with its points. */
export const matchReasonView = z.object({ code: z.enum(matchReasons), points: z.number().int() });
/** The ranked candidates for a child. */
export const matchingView = z.object({
  /** `disability` is null, and the disability reasons left out, for a viewer not on the case (SPEC §11 masking; `maskedFields`). */
  child: z.object({ personId: z.string(), surname: z.string(), givenName: z.string(), patronymic: z.string(), ageYears: z.number().int(), disability: z.boolean().nullable() }),
  maskedFields: z.array(z.enum(['disability'])),
  siblingGroupSize: z.number().int(),
  /** The case's hromada kind, which decides who may place into foster families and family-type homes. */
  hromadaKind: z.string().nullable(),
  candidates: z.array(z.object({ caregiver: caregiverListItem, score: z.number().int(), freePlaces: z.number().int(), reasons: z.array(matchReasonView), mayDecideHere: z.boolean() })),
  allowedActions: z.array(z.enum(['place'])),
});
/** Matching result. */
export type MatchingView = z.infer<typeof matchingView>;

/** POST /api/v1/cases/{id}/matching/placement — the placement decision with the chosen caregiver. */
export const placementRequest = z.object({
  childId: uuid,
  caregiverId: uuid,
  startDate: isoDate,
  decisionReference: z.string().trim().min(1).max(200),
  decidingAuthority: z.string().trim().min(1).max(300),
  /** Who decided: the hromada's guardianship body, or the rayon administration (when the hromada lacks the power). */
  decidedBy: z.enum(['hromada', 'rayon']).default('hromada'),
  reason: text(4000).default(''),
});
/** A placement decision. */
export type PlacementRequest = z.infer<typeof placementRequest>;
/** The recorded placement. */
export const placementView = z.object({ id: z.string(), caregiverId: z.string(), careEpisodeId: z.string(), startDate: z.string() });
