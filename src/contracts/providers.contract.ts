import { z } from 'zod';
import { providerKinds, providerStatuses } from '#domain/services/providers.ts';
import { serviceCodePattern } from '#domain/services/service-catalogue.ts';
import { pageOf, pageQuery, text, uuid } from './common.contract.ts';

/** GET /api/v1/providers — search the register by service, by hromada served and by name. */
export const providersQuery = pageQuery.extend({
  serviceCode: z.string().regex(serviceCodePattern).max(100).optional(),
  /** A hromada the provider serves. */
  hromadaId: uuid.optional(),
  /** Part of the name (Ukrainian or English). */
  q: z.string().trim().max(100).optional(),
  status: z.enum(providerStatuses).optional(),
});

/** A service offered, with its places and how many are taken by accepted or running referrals. */
export const providerServiceView = z.object({
  serviceCode: z.string(),
  nameUk: z.string(),
  nameEn: z.string(),
  /** Places at a time; null when not stated. */
  capacity: z.number().int().nullable(),
  /** Referrals accepted or in service now. */
  inUse: z.number().int(),
});

/** One provider of the register (SPEC §4.2); `id` is the provider organisation's id, the one referrals address. */
export const providerView = z.object({
  id: z.string(),
  nameUk: z.string(),
  nameEn: z.string(),
  kind: z.enum(providerKinds),
  status: z.enum(providerStatuses),
  /** Where the provider is located. */
  hromada: z.object({ id: z.string(), nameUk: z.string(), nameEn: z.string() }).nullable(),
  registryNumber: z.string(),
  edrpou: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  contactPerson: z.string(),
  notes: z.string(),
  services: z.array(providerServiceView),
  servedHromadas: z.array(z.object({ id: z.string(), nameUk: z.string(), nameEn: z.string() })),
  version: z.number().int(),
  allowedActions: z.array(z.enum(['edit'])),
});
/** One provider. */
export type ProviderView = z.infer<typeof providerView>;

/** GET /api/v1/providers */
export const providersPage = pageOf(providerView);

const providerFields = {
  nameUk: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().min(1).max(300),
  /** The hromada where the provider is located. */
  hromadaId: uuid,
  kind: z.enum(providerKinds),
  status: z.enum(providerStatuses).default('active'),
  registryNumber: text(50).default(''),
  edrpou: z.string().trim().regex(/^(\d{8}|\d{10})?$/, 'EDRPOU code has 8 digits (10 for a sole trader)').default(''),
  address: text(500).default(''),
  phone: text(50).default(''),
  email: z.union([z.literal(''), z.email().max(200)]).default(''),
  contactPerson: text(200).default(''),
  notes: text(2000).default(''),
  services: z
    .array(z.object({ serviceCode: z.string().regex(serviceCodePattern).max(100), capacity: z.number().int().min(0).max(100000).nullable() }))
    .max(60)
    .refine((s) => new Set(s.map((x) => x.serviceCode)).size === s.length, 'Each service once'),
  /** Hromadas served; the hromada of location when empty. */
  servedHromadaIds: z.array(uuid).max(200).default([]),
};

/** POST /api/v1/providers — a new provider organisation with its register entry, or the entry of an existing provider organisation. */
export const providerCreateRequest = z.object({ ...providerFields, organisationId: uuid.optional() });
/** Request body. */
export type ProviderCreateRequest = z.infer<typeof providerCreateRequest>;

/** PUT /api/v1/providers/{id} */
export const providerUpdateRequest = z.object({ ...providerFields, version: z.number().int().min(1) });
/** Request body. */
export type ProviderUpdateRequest = z.infer<typeof providerUpdateRequest>;
