import { z } from 'zod';
import { ministries, serviceCodePattern, servicePackages } from '#domain/services/service-catalogue.ts';

/** GET /api/v1/service-catalogue — filters. */
export const serviceCatalogueQuery = z.object({
  package: z.enum(servicePackages).optional(),
  /** Part of the name (Ukrainian or English) or the code. */
  q: z.string().trim().max(100).optional(),
  /** `true` lists withdrawn services too (for the administrator's catalogue editor). */
  includeInactive: z.enum(['true', 'false']).optional(),
});

/** One service of the catalogue (SPEC §4.1); names are catalogue data, shown as they are. */
export const serviceView = z.object({
  id: z.string(),
  code: z.string(),
  nameUk: z.string(),
  nameEn: z.string(),
  ministry: z.enum(ministries),
  package: z.enum(servicePackages),
  targetGroup: z.string(),
  unitOfMeasure: z.string(),
  /** Hryvnias per unit; null until costed. */
  standardUnitCost: z.number().nullable(),
  isActive: z.boolean(),
  /** For optimistic concurrency of the administrator's edits. */
  version: z.number().int(),
});
/** One service. */
export type ServiceView = z.infer<typeof serviceView>;

/** GET /api/v1/service-catalogue */
export const serviceCatalogueList = z.object({ items: z.array(serviceView) });

/** Path parameter `{code}`. */
export const serviceCodeParams = z.object({ code: z.string().regex(serviceCodePattern).max(100) });

/** PUT /api/v1/service-catalogue/{code} — the system administrator edits a service (SPEC §4.1); the code stays. */
export const serviceUpdateRequest = z.object({
  version: z.number().int().min(1),
  nameUk: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().min(1).max(300),
  ministry: z.enum(ministries),
  package: z.enum(servicePackages),
  targetGroup: z.string().trim().max(1000),
  unitOfMeasure: z.string().trim().max(100),
  /** Hryvnias per unit (rounded to kopecks); null clears it (not set). */
  standardUnitCost: z.number().min(0).max(9_999_999_999.99).nullable(),
  isActive: z.boolean(),
});
/** Request body. */
export type ServiceUpdateRequest = z.infer<typeof serviceUpdateRequest>;
