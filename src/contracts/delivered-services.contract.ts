import { z } from 'zod';
import { isoDate, pageQuery, text, uuid } from './common.contract.ts';

/**
 * POST /api/v1/cases/{id}/delivered-services — a service delivered, against a measure of the agreed plan (its stable
 * key) or unplanned (SPEC §2.10). The service defaults to the measure's; the unit to the catalogue's; the provider to
 * the organisation of the user recording it.
 */
export const deliveredServiceRequest = z.object({
  measureKey: uuid.nullable().default(null),
  serviceCode: z.string().trim().max(100).nullable().default(null),
  providerOrganisationId: uuid.nullable().default(null),
  providerName: text(300).default(''),
  deliveredOn: isoDate,
  quantity: z.number().positive().max(100_000),
  unit: text(100).default(''),
  notes: text(4000).default(''),
});
/** A delivered service as sent. */
export type DeliveredServiceRequest = z.infer<typeof deliveredServiceRequest>;

/** GET /api/v1/cases/{id}/delivered-services — latest first, keyset-paginated. */
export const deliveredServicesQuery = pageQuery;

/** One delivered service. */
export const deliveredServiceView = z.object({
  id: z.string(),
  caseId: z.string(),
  planId: z.string().nullable(),
  measureKey: z.string().nullable(),
  /** The measure's action as written in the plan version, for display. */
  measureAction: z.string().nullable(),
  serviceCode: z.string(),
  serviceNameUk: z.string(),
  serviceNameEn: z.string(),
  provider: z.object({ organisationId: z.string().nullable(), name: z.string() }),
  deliveredOn: isoDate,
  quantity: z.number(),
  unit: z.string(),
  notes: z.string(),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
});
/** One delivered service. */
export type DeliveredServiceView = z.infer<typeof deliveredServiceView>;

/** GET /api/v1/cases/{id}/delivered-services */
export const deliveredServicesPage = z.object({ items: z.array(deliveredServiceView), nextCursor: z.string().nullable(), allowedActions: z.array(z.enum(['create'])) });
