import { z } from 'zod';
import { supervisionFormats, supervisionParticipantKinds, supervisionPurposes, supervisionStages, supervisionTimings } from '#domain/workforce/supervision.ts';
import { isoDate, isoInstant, text, uuid } from './common.contract.ts';

const weight = z.number().min(0.001).max(1);
const fte = z.number().min(0.05).max(1.5);
const version = z.number().int().min(1);

/** Workforce settings (system administrator): caseload weights and the travel rule for remote starostats. */
export const caseloadWeightsSchema = z.object({ simple: weight, moderate: weight, complex: weight, emergency: weight, not_assessed: weight });
export const workforceSettingsView = z.object({
  weights: caseloadWeightsSchema,
  remoteThresholdMinutes: z.number().int(),
  remoteExtraFte: z.number(),
  version: z.number().int(),
});
export type WorkforceSettingsView = z.infer<typeof workforceSettingsView>;
export const workforceSettingsRequest = z.object({
  weights: caseloadWeightsSchema,
  remoteThresholdMinutes: z.number().int().min(0).max(600),
  remoteExtraFte: z.number().min(0).max(2),
  /** The version the change is based on (0 when the defaults were shown). */
  version: z.number().int().min(0),
});

/** Staff register (SPEC §7). */
export const staffKinds = ['professional', 'paraprofessional', 'volunteer'] as const;
export const employments = ['full_time', 'part_time'] as const;
export const staffRequest = z.object({
  organisationId: uuid,
  userId: uuid.nullable().default(null),
  surname: text(100).min(1),
  givenName: text(100).min(1),
  patronymic: text(100).default(''),
  position: text(200).min(1),
  qualification: text(500).default(''),
  employment: z.enum(employments),
  fte,
  staffKind: z.enum(staffKinds).default('professional'),
  isHead: z.boolean().default(false),
  territoryId: uuid.nullable().default(null),
  startedOn: isoDate,
  endedOn: isoDate.nullable().default(null),
  supervisionIntervalDays: z.number().int().min(7).max(366).nullable().default(null),
});
export type StaffRequest = z.infer<typeof staffRequest>;
export const staffUpdateRequest = staffRequest.omit({ organisationId: true }).extend({ version });
export type StaffUpdateRequest = z.infer<typeof staffUpdateRequest>;

export const trainingKinds = ['pre_service', 'in_service'] as const;
export const trainingView = z.object({ id: z.string(), kind: z.enum(trainingKinds), topic: z.string(), hours: z.number(), completedOn: isoDate, certificateNumber: z.string() });
export type TrainingView = z.infer<typeof trainingView>;
export const trainingRequest = z.object({ kind: z.enum(trainingKinds), topic: text(300).min(1), hours: z.number().min(0.5).max(2000), completedOn: isoDate, certificateNumber: text(100).default('') });
export type TrainingRequest = z.infer<typeof trainingRequest>;

export const staffView = z.object({
  id: z.string(),
  organisationId: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  name: z.string(),
  surname: z.string(),
  givenName: z.string(),
  patronymic: z.string(),
  position: z.string(),
  qualification: z.string(),
  employment: z.enum(employments),
  fte: z.number(),
  staffKind: z.enum(staffKinds),
  isHead: z.boolean(),
  territory: z.object({ id: z.string(), nameUk: z.string(), nameEn: z.string() }).nullable(),
  startedOn: isoDate,
  endedOn: isoDate.nullable(),
  active: z.boolean(),
  supervisionIntervalDays: z.number().int().nullable(),
  lastPlannedSupervision: isoDate.nullable(),
  supervisionOverdue: z.boolean(),
  trainings: z.array(trainingView),
  version: z.number().int(),
});
export type StaffView = z.infer<typeof staffView>;
export const staffQuery = z.object({ organisationId: uuid.optional() });
export const staffRegister = z.object({
  organisations: z.array(z.object({ id: z.string(), nameUk: z.string(), nameEn: z.string(), canManage: z.boolean() })),
  organisationId: z.string().nullable(),
  staff: z.array(staffView),
  totalFte: z.number(),
});
export type StaffRegister = z.infer<typeof staffRegister>;

/** Reassignment of a case to another worker of the same organisation, with a reason. */
export const reassignmentRequest = z.object({ toUserId: uuid, reason: text(1000).min(5), version });
export type ReassignmentRequest = z.infer<typeof reassignmentRequest>;
export const assignmentView = z.object({ id: z.string(), fromName: z.string(), toName: z.string(), reason: z.string(), byName: z.string(), at: isoInstant });
export const assignmentHistory = z.object({ items: z.array(assignmentView) });
export const reassignmentResult = z.object({ caseId: z.string(), caseManagerId: z.string(), version: z.number().int(), history: z.array(assignmentView) });
/** Candidates a supervisor can hand a case to. */
export const reassignCandidates = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), caseloadPercent: z.number(), capacity: z.enum(['ok', 'near', 'over']) })) });

/** Supervision (Order 5 of 05.01.2015). */
export const sessionRequest = z.object({
  purpose: z.enum(supervisionPurposes),
  participantsKind: z.enum(supervisionParticipantKinds),
  timing: z.enum(supervisionTimings),
  format: z.enum(supervisionFormats),
  stage: z.enum(supervisionStages).default('preparation'),
  sessionDate: isoDate,
  participantIds: z.array(uuid).min(1).max(30),
  topics: text(4000).default(''),
  casesDiscussed: text(4000).default(''),
  conclusions: text(4000).default(''),
  recommendations: text(4000).default(''),
});
export type SessionRequest = z.infer<typeof sessionRequest>;
export const sessionUpdateRequest = sessionRequest.extend({ version });
export type SessionUpdateRequest = z.infer<typeof sessionUpdateRequest>;
export const submitRequest = z.object({ version });
export const sessionView = z.object({
  id: z.string(),
  organisationId: z.string(),
  supervisor: z.object({ id: z.string(), name: z.string() }),
  participants: z.array(z.object({ id: z.string(), name: z.string() })),
  purpose: z.enum(supervisionPurposes),
  participantsKind: z.enum(supervisionParticipantKinds),
  timing: z.enum(supervisionTimings),
  format: z.enum(supervisionFormats),
  stage: z.enum(supervisionStages),
  sessionDate: isoDate,
  topics: z.string(),
  casesDiscussed: z.string(),
  conclusions: z.string(),
  recommendations: z.string(),
  submittedAt: isoInstant.nullable(),
  submittedTo: z.object({ id: z.string(), name: z.string() }).nullable(),
  allowedActions: z.array(z.enum(['edit', 'submit'])),
  version: z.number().int(),
});
export type SessionView = z.infer<typeof sessionView>;
export const supervisionLog = z.object({
  sessions: z.array(sessionView),
  /** For a supervisor: their supervisees whose planned supervision is overdue. */
  overdue: z.array(z.object({ userId: z.string(), name: z.string(), lastPlanned: isoDate.nullable(), dueOn: isoDate })),
  /** Workers a supervisor may hold sessions with. */
  supervisees: z.array(z.object({ id: z.string(), name: z.string() })),
  canRecord: z.boolean(),
});
export type SupervisionLog = z.infer<typeof supervisionLog>;

/** Wellbeing check-ins and my trainings. */
export const checkinRequest = z.object({ exhaustion: z.number().int().min(1).max(5), stress: z.number().int().min(1).max(5), support: z.number().int().min(1).max(5) });
export const burnoutSignalView = z.object({ checkins: z.number().int(), exhaustion: z.number(), stress: z.number(), support: z.number(), level: z.enum(['low', 'elevated', 'high']) });
export const myWorkforce = z.object({
  staff: z.array(z.object({ id: z.string(), organisationNameUk: z.string(), organisationNameEn: z.string(), position: z.string(), trainings: z.array(trainingView), trainingHours: z.number() })),
  checkins: z.array(z.object({ id: z.string(), checkedOn: isoDate, exhaustion: z.number().int(), stress: z.number().int(), support: z.number().int() })),
  canCheckIn: z.boolean(),
});
export type MyWorkforce = z.infer<typeof myWorkforce>;
export const teamWellbeing = z.object({
  periodFrom: isoDate,
  /** Null when fewer than three check-ins were made in the period: no aggregate is shown. */
  signal: burnoutSignalView.nullable(),
  minCheckins: z.number().int(),
});

/** Workforce need per hromada (SPEC §8). */
export const needQuery = z.object({ hromadaId: uuid });
export const needInputsRequest = z.object({
  otherServicesFte: z.number().min(0).max(500),
  travelMinutes: z.record(uuid, z.number().int().min(0).max(600)),
  version: z.number().int().min(0),
});
export type NeedInputsRequest = z.infer<typeof needInputsRequest>;
export const workforceNeedView = z.object({
  hromada: z.object({ id: z.string(), nameUk: z.string(), nameEn: z.string(), population: z.number().int().nullable(), childPopulation: z.number().int().nullable() }),
  openCases: z.object({ simple: z.number().int(), moderate: z.number().int(), complex: z.number().int(), emergency: z.number().int(), not_assessed: z.number().int() }),
  weights: caseloadWeightsSchema,
  starostats: z.array(z.object({ id: z.string(), nameUk: z.string(), nameEn: z.string(), travelMinutes: z.number().int().nullable(), remote: z.boolean() })),
  travelRule: z.object({ remoteThresholdMinutes: z.number().int(), remoteExtraFte: z.number() }),
  result: z.object({
    complexFte: z.number(),
    otherCasesFte: z.number(),
    otherServicesFte: z.number(),
    remoteStarostats: z.number().int(),
    travelFte: z.number(),
    neededFte: z.number(),
    specialistsNeeded: z.number().int(),
    availableFte: z.number(),
    gapFte: z.number(),
  }),
  staff: z.object({ people: z.number().int(), professionals: z.number().int(), paraprofessionals: z.number().int(), volunteers: z.number().int(), fte: z.number() }),
  ratios: z.object({ peoplePerStaff: z.number().int().nullable(), childrenPerStaff: z.number().int().nullable() }),
  canEdit: z.boolean(),
  version: z.number().int(),
});
export type WorkforceNeedView = z.infer<typeof workforceNeedView>;
