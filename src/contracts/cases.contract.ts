import { z } from 'zod';
import { caseActions } from '#domain/access/case-policy.ts';
import { caseStatuses, caseTypes, complexities } from '#domain/cases/case-types.ts';
import { caseSteps } from '#domain/cases/workflow.ts';
import { adultFactors, childFactors, reportSources, urgentActions } from '#domain/intake/factors.ts';
import { isoDate, isoInstant, pageOf, pageQuery, text, uuid } from './common.contract.ts';
import { personInput, sexes } from './persons.contract.ts';

/** A household member named in a notification: an existing person or a new one. */
export const intakeMember = z
  .object({
    personId: uuid.optional(),
    person: personInput.optional(),
    role: z.enum(['child', 'adult']),
    relationship: text(100).default(''),
  })
  .refine((m) => (m.personId ? !m.person : !!m.person), { message: 'person_or_person_id', path: ['person'] });

/** POST /api/v1/notifications — the notification about a family/person in difficult life circumstances (Order 1005; SPEC §2.3). */
export const notificationRequest = z.object({
  hromadaId: uuid,
  source: z.enum(reportSources),
  reporterOrganisation: text(300).default(''),
  reporterPerson: text(200).default(''),
  reporterContact: text(200).default(''),
  receivedAt: isoInstant,
  description: text(8000).min(1),
  childFactors: z.array(z.enum(childFactors)).max(childFactors.length).default([]),
  adultFactors: z.array(z.enum(adultFactors)).max(adultFactors.length).default([]),
  threatToLifeOrHealth: z.boolean().default(false),
  actionsTaken: text(4000).default(''),
  urgentActions: z.array(z.enum(urgentActions)).max(urgentActions.length).default([]),
  documents: text(2000).default(''),
  members: z.array(intakeMember).min(1).max(30),
  /** Open a case at once (needs the right to register in this hromada). */
  openCase: z.boolean().default(true),
  caseType: z.enum(caseTypes).default('prevention'),
  /** Case manager to assign; the registering case manager by default. */
  caseManagerId: uuid.optional(),
});
/** Notification as submitted. */
export type NotificationRequest = z.infer<typeof notificationRequest>;

/** POST /api/v1/notifications answer. */
export const notificationCreated = z.object({ id: z.string(), caseId: z.string().nullable(), caseNumber: z.string().nullable(), urgent: z.boolean() });

/** A notification as its submitter sees it. */
export const notificationView = z.object({
  id: z.string(),
  receivedAt: z.string(),
  source: z.enum(reportSources),
  status: z.enum(['received', 'registered', 'declined']),
  /** Why the receiving service declined it (status `declined`), else empty. */
  declineReason: z.string(),
  urgent: z.boolean(),
  hromadaName: z.string(),
  description: z.string(),
  childFactors: z.array(z.string()),
  adultFactors: z.array(z.string()),
  threatToLifeOrHealth: z.boolean(),
  actionsTaken: z.string(),
  urgentActions: z.array(z.string()),
  documents: z.string(),
  reporterOrganisation: z.string(),
  reporterPerson: z.string(),
  reporterContact: z.string(),
  receivedByName: z.string(),
});
/** GET /api/v1/notifications — the user's own submissions. */
export const notificationsPage = pageOf(notificationView);

/** A deadline of a case with its legal source (UX principle 3). */
export const deadlineView = z.object({
  key: z.string(),
  dueDate: isoDate,
  status: z.enum(['overdue', 'due_today', 'due_soon', 'upcoming', 'met']),
  sourceUk: z.string(),
  sourceEn: z.string(),
  metOn: z.string().nullable(),
});

/** One row of the worklist. */
export const caseSummary = z.object({
  id: z.string(),
  number: z.string(),
  caseType: z.enum(caseTypes),
  step: z.enum(caseSteps),
  status: z.enum(caseStatuses),
  complexity: z.enum(complexities).nullable(),
  urgent: z.boolean(),
  title: z.string(),
  hromadaName: z.string(),
  caseManagerName: z.string(),
  nextDeadline: deadlineView.nullable(),
});
/** GET /api/v1/cases */
export const casesQuery = pageQuery.extend({ status: z.enum(caseStatuses).default('open') });
/** GET /api/v1/cases */
export const casesPage = pageOf(caseSummary);

/** A household member on the case page. */
export const caseMemberView = z.object({
  personId: z.string(),
  surname: z.string(),
  givenName: z.string(),
  patronymic: z.string(),
  birthDate: z.string(),
  sex: z.enum(sexes),
  disability: z.boolean(),
  latinName: z.string(),
  role: z.enum(['child', 'adult']),
  relationship: z.string(),
});

/** An event on the case timeline. */
export const timelineEvent = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  actorName: z.string(),
  data: z.record(z.string(), z.unknown()),
});

/** GET /api/v1/cases/{id} */
export const caseDetail = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  version: z.number().int(),
  caseType: z.enum(caseTypes),
  step: z.enum(caseSteps),
  steps: z.array(z.object({ step: z.enum(caseSteps), legalSteps: z.array(z.number()), state: z.enum(['done', 'current', 'todo']) })),
  legalSteps: z.array(z.number()),
  status: z.enum(caseStatuses),
  complexity: z.enum(complexities).nullable(),
  urgent: z.boolean(),
  hromada: z.object({ id: z.string(), name: z.string() }),
  organisation: z.object({ id: z.string(), name: z.string() }),
  caseManager: z.object({ id: z.string(), name: z.string() }),
  registeredOn: isoDate,
  createdAt: z.string(),
  updatedAt: z.string(),
  deadlines: z.array(deadlineView),
  members: z.array(caseMemberView),
  notification: notificationView.nullable(),
  needsAssessment: z.object({ id: z.string(), status: z.enum(['draft', 'completed']), completedAt: z.string().nullable(), percent: z.number() }).nullable(),
  timeline: z.array(timelineEvent),
  availableTransitions: z.object({
    forward: z.enum(caseSteps).nullable(),
    back: z.array(z.enum(caseSteps)),
    /** The guard code that refuses the forward step now, if any. */
    forwardBlockedBy: z.string().nullable(),
  }),
  allowedActions: z.array(z.enum(caseActions)),
  /** `emergency` while the user sees the case only by a break-the-glass access (read-only, SPEC §11), until `emergencyUntil`. */
  accessMode: z.enum(['normal', 'emergency']),
  emergencyUntil: z.string().nullable(),
});
/** The case page. */
export type CaseDetail = z.infer<typeof caseDetail>;

/** POST /api/v1/cases/{id}/transitions */
export const transitionRequest = z.object({ to: z.enum(caseSteps), reason: text(2000).optional(), version: z.number().int().min(1) });
