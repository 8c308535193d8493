import { z } from 'zod';
import { hromadaKinds, organisationTypes, territoryLevels } from '#domain/organisations/roles.ts';

/** A unit of the territory tree. */
export const territoryView = z.object({
  id: z.string(),
  level: z.enum(territoryLevels),
  parentId: z.string().nullable(),
  nameUk: z.string(),
  nameEn: z.string(),
  hromadaKind: z.enum(hromadaKinds).nullable(),
  /** KATOTTH code, shown to administrators only (UX conventions). */
  code: z.string().nullable(),
});
/** GET /api/v1/territories */
export const territoriesQuery = z.object({ level: z.enum(territoryLevels).optional(), parentId: z.uuid().optional() });
/** GET /api/v1/territories */
export const territoriesResponse = z.object({ items: z.array(territoryView) });

/** A person one may assign a case to. */
export const assigneeView = z.object({ id: z.string(), fullName: z.string(), organisationName: z.string() });
/** GET /api/v1/assignees?hromadaId= */
export const assigneesQuery = z.object({ hromadaId: z.uuid() });
/** GET /api/v1/assignees */
export const assigneesResponse = z.object({ items: z.array(assigneeView) });

/** An organisation. */
export const organisationView = z.object({ id: z.string(), type: z.enum(organisationTypes), nameUk: z.string(), nameEn: z.string(), territoryId: z.string() });
