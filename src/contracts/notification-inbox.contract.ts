import { z } from 'zod';
import { caseTypes } from '#domain/cases/case-types.ts';
import { reportSources } from '#domain/intake/factors.ts';
import { isoDate, pageOf, pageQuery, text, uuid } from './common.contract.ts';
import { personMatchView, sexes } from './persons.contract.ts';

/** Where a notification stands: received and waiting, registered as a case, or declined with a reason (SPEC §2.3). */
export const notificationStatuses = ['received', 'registered', 'declined'] as const;
/** A notification's status. */
export type NotificationStatus = (typeof notificationStatuses)[number];

/** What the receiving service may do with a notification. */
export const inboxActions = ['register', 'decline'] as const;

/** GET /api/v1/notifications/inbox */
export const inboxQuery = pageQuery.extend({ status: z.enum(notificationStatuses).default('received') });

/** The term for considering a received notification, with its legal source (UX principle 3). */
export const inboxDueView = z.object({
  dueDate: isoDate,
  status: z.enum(['overdue', 'due_today', 'due_soon', 'upcoming']),
  sourceUk: z.string(),
  sourceEn: z.string(),
});

/** A child named in a notification. */
export const inboxChildView = z.object({ personId: z.string(), surname: z.string(), givenName: z.string(), patronymic: z.string(), birthDate: z.string() });

/** One row of the inbox. */
export const inboxItem = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(notificationStatuses),
  urgent: z.boolean(),
  receivedAt: z.string(),
  source: z.enum(reportSources),
  hromada: z.object({ id: z.string(), name: z.string() }),
  reporterOrganisation: z.string(),
  reporterPerson: z.string(),
  submittedByName: z.string(),
  description: z.string(),
  childFactors: z.array(z.string()),
  adultFactors: z.array(z.string()),
  threatToLifeOrHealth: z.boolean(),
  children: z.array(inboxChildView),
  /** The term for considering it while it is received; null once handled. */
  due: inboxDueView.nullable(),
  case: z.object({ id: z.string(), number: z.string() }).nullable(),
  declineReason: z.string(),
  handledAt: z.string().nullable(),
  handledByName: z.string().nullable(),
  allowedActions: z.array(z.enum(inboxActions)),
  /**
   * Sensitive fields masked in the list (SPEC §11) unless the viewer is on the notification's case: the description
   * is empty and the sensitive factor codes (abuse, health, disability) are left out; the whole notification shows them.
   */
  maskedFields: z.array(z.enum(['description', 'childFactors', 'adultFactors'])),
});
/** GET /api/v1/notifications/inbox — urgent first, then oldest first. */
export const inboxPage = pageOf(inboxItem);

/** A household member of the notification with the persons already on record who may be the same (SPEC §2.3). */
export const inboxMemberView = z.object({
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
  /** Possible duplicates among persons on record (only while the notification waits for registration). */
  matches: z.array(personMatchView),
});

/** GET /api/v1/notifications/inbox/{id} — the whole notification (Order 1005 form). */
export const inboxDetail = inboxItem.extend({
  reporterContact: z.string(),
  actionsTaken: z.string(),
  urgentActions: z.array(z.string()),
  documents: z.string(),
  receivedByName: z.string(),
  members: z.array(inboxMemberView),
});
/** The whole notification as the receiving service sees it. */
export type InboxDetail = z.infer<typeof inboxDetail>;

/** GET /api/v1/notifications/inbox/count — the badge of the navigation. */
export const inboxCount = z.object({ received: z.number().int(), urgent: z.number().int() });

/** POST /api/v1/notifications/{id}/registration — open a case from the notification, as combined intake does. */
export const inboxRegistrationRequest = z.object({
  caseType: z.enum(caseTypes).default('prevention'),
  /** Case manager of the hromada's Centre of Social Services; the registering case manager by default. */
  caseManagerId: uuid.optional(),
  version: z.number().int().min(1).optional(),
  /** Members of the notification who are persons already on record: the record to use instead (duplicate search). */
  useExisting: z
    .array(z.object({ personId: uuid, existingPersonId: uuid }))
    .max(30)
    .default([]),
});
/** Registration as sent. */
export type InboxRegistrationRequest = z.infer<typeof inboxRegistrationRequest>;

/** The case opened from the notification. */
export const inboxRegistrationResult = z.object({ notificationId: z.string(), caseId: z.string(), caseNumber: z.string(), urgent: z.boolean() });

/** POST /api/v1/notifications/{id}/decline — no grounds, or another hromada's (forwarded); the reporter sees the reason. */
export const inboxDeclineRequest = z.object({ reason: text(2000).min(1), version: z.number().int().min(1).optional() });
