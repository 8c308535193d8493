import { z } from 'zod';
import { childSeenAloneAnswers, visitPlaces } from '#domain/cases/home-visits.ts';
import { deadlineView } from './cases.contract.ts';
import { isoDate, pageQuery, text, uuid } from './common.contract.ts';

/** POST /api/v1/cases/{id}/home-visits — a planned visit, or one that took place (SPEC §2.10, §2.12). */
export const homeVisitRequest = z.object({
  plannedDate: isoDate.nullable().default(null),
  /** Set when the visit took place: it then meets the visit deadline and the next one is scheduled. */
  doneDate: isoDate.nullable().default(null),
  place: z.enum(visitPlaces),
  address: text(500).default(''),
  /** Users who visited; when a done visit names nobody, the one recording it is taken as the visitor. */
  visitorUserIds: z.array(uuid).max(20).default([]),
  otherVisitors: text(1000).default(''),
  /** Members of the case who were met. */
  personsMetIds: z.array(uuid).max(30).default([]),
  othersMet: text(1000).default(''),
  childSeenAlone: z.enum(childSeenAloneAnswers).nullable().default(null),
  /** Why the child could not be seen alone (required for `not_applicable`, e.g. an infant). */
  childSeenAloneReason: text(2000).default(''),
  observations: text(20000).default(''),
  safetyConcerns: z.boolean().default(false),
  safetyConcernsText: text(4000).default(''),
  nextVisitProposed: isoDate.nullable().default(null),
});
/** A visit as sent. */
export type HomeVisitRequest = z.infer<typeof homeVisitRequest>;

/** PUT /api/v1/cases/{id}/home-visits/{visitId} — completes a planned visit or corrects a record; a stale version answers 409. */
export const homeVisitUpdateRequest = homeVisitRequest.extend({ version: z.number().int().min(1) });
/** A visit update as sent. */
export type HomeVisitUpdateRequest = z.infer<typeof homeVisitUpdateRequest>;

/** Path parameters of one visit. */
export const homeVisitParams = z.object({ id: uuid, visitId: uuid });

/** GET /api/v1/cases/{id}/home-visits — latest first, keyset-paginated. */
export const homeVisitsQuery = pageQuery;

/** What the user may do with a visit. */
export const homeVisitActions = ['edit'] as const;

const ref = z.object({ id: z.string(), name: z.string() });

/** One visit. */
export const homeVisitView = z.object({
  id: z.string(),
  caseId: z.string(),
  version: z.number().int(),
  status: z.enum(['planned', 'done']),
  plannedDate: isoDate.nullable(),
  doneDate: isoDate.nullable(),
  place: z.enum(visitPlaces),
  address: z.string(),
  visitors: z.array(ref),
  otherVisitors: z.string(),
  personsMet: z.array(z.object({ personId: z.string(), name: z.string() })),
  othersMet: z.string(),
  childSeenAlone: z.enum(childSeenAloneAnswers).nullable(),
  childSeenAloneReason: z.string(),
  observations: z.string(),
  safetyConcerns: z.boolean(),
  safetyConcernsText: z.string(),
  nextVisitProposed: isoDate.nullable(),
  recordedBy: ref,
  doneRecordedBy: ref.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(homeVisitActions)),
});
/** One visit. */
export type HomeVisitView = z.infer<typeof homeVisitView>;

/** GET /api/v1/cases/{id}/home-visits — with the case's next-visit deadline by the monitoring schedule. */
export const homeVisitsPage = z.object({
  items: z.array(homeVisitView),
  nextCursor: z.string().nullable(),
  nextVisit: deadlineView.nullable(),
  allowedActions: z.array(z.enum(['create'])),
});

/** POST/PUT answer: the visit and the case's next-visit deadline after it. */
export const homeVisitSaved = z.object({ visit: homeVisitView, nextVisit: deadlineView.nullable() });
