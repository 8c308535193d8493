import { z } from 'zod';
import { ministries, servicePackages } from '#domain/services/service-catalogue.ts';

/** GET /api/v1/service-catalogue — filters. */
export const serviceCatalogueQuery = z.object({
  package: z.enum(servicePackages).optional(),
  /** Part of the name (Ukrainian or English) or the code. */
  q: z.string().trim().max(100).optional(),
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
});
/** One service. */
export type ServiceView = z.infer<typeof serviceView>;

/** GET /api/v1/service-catalogue */
export const serviceCatalogueList = z.object({ items: z.array(serviceView) });
