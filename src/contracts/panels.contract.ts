import { z } from 'zod';
import { actionStatuses, bodyKinds, careOptions, memberRoles, memberSectors, presences, voteChoices } from '#domain/panels/panels.ts';
import { isoDate, isoInstant, text, uuid } from './common.contract.ts';

const place = z.object({ id: z.string(), nameUk: z.string(), nameEn: z.string() });
const named = z.object({ id: z.string(), nameUk: z.string(), nameEn: z.string() });

/** Kinds of assessment a submission refers to. */
export const assessmentKinds = ['needs_assessment', 'safety_assessment', 'family_assessment'] as const;

/** A body as listed: no persons (aggregates for coordinators and analysts). */
export const bodySummary = z.object({
  id: z.string(),
  kind: z.enum(bodyKinds),
  nameUk: z.string(),
  nameEn: z.string(),
  territory: place,
  currentMembers: z.number().int(),
  livedExperienceMembers: z.number().int(),
  meetingsHeld: z.number().int(),
  lastMeetingOn: isoDate.nullable(),
  /** No meeting held in the last quarter. */
  notMetInQuarter: z.boolean(),
  /** A panel within its first five meetings (mentored). */
  mentoring: z.boolean(),
  allowedActions: z.array(z.enum(['read', 'record', 'edit'])),
});
/** One body in the list. */
export type BodySummary = z.infer<typeof bodySummary>;
/** A place where the actor may set up bodies, with the kinds allowed there and the organisations that may hold the panel roles. */
export const bodyPlace = place.extend({ level: z.enum(['oblast', 'hromada']), kinds: z.array(z.enum(bodyKinds)), organisations: z.array(named.extend({ kind: z.enum(bodyKinds) })) });
/** GET /api/v1/panel-bodies — `places`: where the actor may set up a body (empty when nowhere). */
export const bodyList = z.object({ items: z.array(bodySummary), places: z.array(bodyPlace) });
/** The list of bodies. */
export type BodyList = z.infer<typeof bodyList>;

/** POST /api/v1/panel-bodies */
export const bodyCreateRequest = z.object({
  kind: z.enum(bodyKinds),
  nameUk: z.string().trim().min(1).max(300),
  nameEn: text(300).default(''),
  territoryId: uuid,
  /** The organisation whose users hold the panel roles (member, secretary); none while not set up. */
  organisationId: uuid.nullable().default(null),
});
/** Request body. */
export type BodyCreateRequest = z.infer<typeof bodyCreateRequest>;
/** PUT /api/v1/panel-bodies/{id} */
export const bodyUpdateRequest = bodyCreateRequest.extend({ version: z.number().int().min(1) });
/** Request body. */
export type BodyUpdateRequest = z.infer<typeof bodyUpdateRequest>;

/** A member of a body. */
export const memberView = z.object({
  id: z.string(),
  surname: z.string(),
  givenName: z.string(),
  patronymic: z.string(),
  organisationName: z.string(),
  organisationId: z.string().nullable(),
  institutionId: z.string().nullable(),
  sector: z.enum(memberSectors),
  role: z.enum(memberRoles),
  livedExperience: z.boolean(),
  fromDate: isoDate,
  toDate: isoDate.nullable(),
  userId: z.string().nullable(),
  current: z.boolean(),
  /** Works for an alternative-care provider: may not vote on submissions concerning it. */
  conflictOfInterest: z.boolean(),
  version: z.number().int(),
});
/** One member. */
export type MemberView = z.infer<typeof memberView>;

/** A meeting in the body's list. */
export const meetingSummary = z.object({ id: z.string(), scheduledAt: isoInstant, place: z.string(), rank: z.number().int(), mentoring: z.boolean(), items: z.number().int(), signed: z.boolean() });

/** A submission waiting for a meeting. */
export const pendingSubmission = z.object({ id: z.string(), caseId: z.string(), caseNumber: z.string(), childName: z.string(), question: z.string(), submittedAt: isoInstant });

/** GET /api/v1/panel-bodies/{id} */
export const bodyView = bodySummary.extend({
  organisation: named.nullable(),
  version: z.number().int(),
  members: z.array(memberView),
  meetings: z.array(meetingSummary),
  pendingSubmissions: z.array(pendingSubmission),
});
/** One body. */
export type BodyView = z.infer<typeof bodyView>;

const memberFields = {
  surname: z.string().trim().min(1).max(100),
  givenName: z.string().trim().min(1).max(100),
  patronymic: text(100).default(''),
  organisationName: text(300).default(''),
  organisationId: uuid.nullable().default(null),
  institutionId: uuid.nullable().default(null),
  sector: z.enum(memberSectors),
  role: z.enum(memberRoles).default('member'),
  livedExperience: z.boolean().default(false),
  fromDate: isoDate,
  toDate: isoDate.nullable().default(null),
  userId: uuid.nullable().default(null),
};
/** POST /api/v1/panel-bodies/{id}/members */
export const memberCreateRequest = z.object(memberFields);
/** Request body. */
export type MemberCreateRequest = z.infer<typeof memberCreateRequest>;
/** PUT /api/v1/panel-members/{id} */
export const memberUpdateRequest = z.object({ ...memberFields, version: z.number().int().min(1) });
/** Request body. */
export type MemberUpdateRequest = z.infer<typeof memberUpdateRequest>;

/** One option considered with its reasoning. */
export const consideredOption = z.object({
  option: z.enum(careOptions),
  necessity: text(2000).default(''),
  suitability: text(2000).default(''),
  /** Why the option was ruled out (empty for the chosen one). */
  ruledOutReason: text(2000).default(''),
});

/** A best-interests determination as recorded. */
export const determinationView = z.object({
  id: z.string(),
  options: z.array(consideredOption),
  childViews: z.string(),
  childNotHeardReason: z.string(),
  chosenOption: z.enum(careOptions),
  rationale: z.string(),
  dissentingOpinions: z.string(),
  followUpDate: isoDate.nullable(),
  placementStart: isoDate.nullable(),
  institutionId: z.string().nullable(),
  adoptedAt: isoInstant.nullable(),
  version: z.number().int(),
});
/** A determination. */
export type DeterminationView = z.infer<typeof determinationView>;

/** PUT /api/v1/panel-agenda-items/{id}/determination — creates (no version) or changes the item's determination. */
export const determinationRequest = z.object({
  options: z.array(consideredOption).min(1).max(careOptions.length),
  childViews: text(2000).default(''),
  childNotHeardReason: text(2000).default(''),
  chosenOption: z.enum(careOptions),
  rationale: z.string().trim().min(1).max(4000),
  dissentingOpinions: text(4000).default(''),
  followUpDate: isoDate.nullable().default(null),
  placementStart: isoDate.nullable().default(null),
  /** The institution of the register when the chosen option is an institution. */
  institutionId: uuid.nullable().default(null),
  version: z.number().int().min(1).optional(),
});
/** Request body. */
export type DeterminationRequest = z.infer<typeof determinationRequest>;

const assessmentRef = z.object({ kind: z.enum(assessmentKinds), id: uuid });

/** A case submitted to a panel, with its decision once recorded. */
export const submissionView = z.object({
  id: z.string(),
  body: named,
  caseId: z.string(),
  caseNumber: z.string(),
  childPersonId: z.string(),
  childName: z.string(),
  question: z.string(),
  assessments: z.array(assessmentRef.extend({ label: z.string() })),
  provider: named.nullable(),
  status: z.enum(['submitted', 'on_agenda', 'decided', 'rejected']),
  submittedAt: isoInstant,
  meeting: z.object({ id: z.string(), scheduledAt: isoInstant }).nullable(),
  determination: determinationView.nullable(),
  version: z.number().int(),
});
/** One submission. */
export type SubmissionView = z.infer<typeof submissionView>;

/** GET /api/v1/cases/{id}/panel-submissions — the case's submissions and what a new one may name. */
export const caseSubmissions = z.object({
  items: z.array(submissionView),
  bodies: z.array(named),
  assessments: z.array(assessmentRef.extend({ label: z.string() })),
  providers: z.array(named),
  children: z.array(z.object({ personId: z.string(), name: z.string() })),
  allowedActions: z.array(z.enum(['submit'])),
});

/** POST /api/v1/cases/{id}/panel-submissions */
export const submissionRequest = z.object({
  bodyId: uuid,
  childPersonId: uuid,
  question: z.string().trim().min(1).max(2000),
  assessments: z.array(assessmentRef).max(20).default([]),
  providerOrganisationId: uuid.nullable().default(null),
});
/** Request body. */
export type SubmissionRequest = z.infer<typeof submissionRequest>;

/** An action item. */
export const actionItemView = z.object({ id: z.string(), meetingId: z.string(), meetingOn: isoDate, title: z.string(), owner: z.string(), dueDate: isoDate, status: z.enum(actionStatuses), overdue: z.boolean(), version: z.number().int() });
/** One action item. */
export type ActionItemView = z.infer<typeof actionItemView>;

/** An agenda item with its submission, determination and vote. */
export const agendaItemView = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  motion: z.string(),
  submission: submissionView.extend({ conflictedMemberIds: z.array(z.string()) }).nullable(),
  outcome: z.enum(['pending', 'adopted', 'rejected']),
  votes: z.object({ for: z.number().int(), against: z.number().int(), abstain: z.number().int() }),
  castingVote: z.boolean(),
  ballots: z.array(z.object({ memberId: z.string(), vote: z.enum(voteChoices) })),
  version: z.number().int(),
});

/** GET /api/v1/panel-meetings/{id} */
export const meetingView = z.object({
  id: z.string(),
  body: named.extend({ kind: z.enum(bodyKinds) }),
  scheduledAt: isoInstant,
  place: z.string(),
  rank: z.number().int(),
  mentoring: z.boolean(),
  members: z.array(memberView.extend({ presence: z.enum(presences).nullable() })),
  quorum: z.object({ currentMembers: z.number().int(), present: z.number().int(), needed: z.number().int(), reached: z.boolean() }),
  items: z.array(agendaItemView),
  actionItems: z.array(actionItemView),
  signatures: z.object({ chair: z.object({ name: z.string(), at: isoInstant }).nullable(), secretary: z.object({ name: z.string(), at: isoInstant }).nullable() }),
  allowedActions: z.array(z.enum(['record', 'sign'])),
  version: z.number().int(),
});
/** One meeting. */
export type MeetingView = z.infer<typeof meetingView>;

/** POST /api/v1/panel-bodies/{id}/meetings */
export const meetingCreateRequest = z.object({
  scheduledAt: isoInstant,
  place: text(300).default(''),
  submissionIds: z.array(uuid).max(50).default([]),
  items: z.array(z.object({ title: z.string().trim().min(1).max(500), motion: text(2000).default('') })).max(50).default([]),
});
/** Request body. */
export type MeetingCreateRequest = z.infer<typeof meetingCreateRequest>;

/** PUT /api/v1/panel-meetings/{id}/attendance */
export const attendanceRequest = z.object({ attendance: z.array(z.object({ memberId: uuid, presence: z.enum(presences) })).max(100), version: z.number().int().min(1) });
/** Request body. */
export type AttendanceRequest = z.infer<typeof attendanceRequest>;

/** POST /api/v1/panel-agenda-items/{id}/votes — the votes of the members present; adopts or rejects the motion. */
export const votesRequest = z.object({ votes: z.array(z.object({ memberId: uuid, vote: z.enum(voteChoices) })).min(1).max(100), version: z.number().int().min(1) });
/** Request body. */
export type VotesRequest = z.infer<typeof votesRequest>;

/** POST /api/v1/panel-meetings/{id}/signatures — the chair or the secretary signs the minutes. */
export const signatureRequest = z.object({ version: z.number().int().min(1) });

/** POST /api/v1/panel-meetings/{id}/action-items */
export const actionItemCreateRequest = z.object({ title: z.string().trim().min(1).max(500), owner: z.string().trim().min(1).max(300), dueDate: isoDate });
/** Request body. */
export type ActionItemCreateRequest = z.infer<typeof actionItemCreateRequest>;
/** PUT /api/v1/panel-action-items/{id} */
export const actionItemUpdateRequest = actionItemCreateRequest.extend({ status: z.enum(actionStatuses), version: z.number().int().min(1) });
/** Request body. */
export type ActionItemUpdateRequest = z.infer<typeof actionItemUpdateRequest>;

/** GET /api/v1/panel-bodies/{id}/action-items — the secretary's progress report. */
export const actionReport = z.object({
  items: z.array(actionItemView),
  counts: z.object(Object.fromEntries(actionStatuses.map((s) => [s, z.number().int()])) as Record<(typeof actionStatuses)[number], z.ZodNumber>),
  overdue: z.number().int(),
});

/** GET /api/v1/panel-analytics — adopted decisions, aggregates only. */
export const analyticsQuery = z.object({ bodyId: uuid.optional(), territoryId: uuid.optional(), from: isoDate.optional(), to: isoDate.optional() });
const countsBy = z.array(z.object({ key: z.string(), count: z.number().int() }));
/** Aggregates of adopted decisions. */
export const analyticsView = z.object({
  total: z.number().int(),
  byOption: countsBy,
  byAgeBand: countsBy,
  bySex: countsBy,
  byDisability: countsBy,
  /** Per quarter, body and territory: family-based and institutional decisions. */
  overTime: z.array(z.object({ quarter: z.string(), body: named, territory: place, familyBased: z.number().int(), institutional: z.number().int(), familyBasedPercent: z.number().int() })),
  /** Per quarter over everything filtered (all chosen bodies and territories together). */
  byQuarter: z.array(z.object({ quarter: z.string(), familyBased: z.number().int(), institutional: z.number().int(), familyBasedPercent: z.number().int() })),
});
/** The analytics. */
export type AnalyticsView = z.infer<typeof analyticsView>;
