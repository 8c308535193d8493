import { z } from 'zod';
import { organisationTypes, roles } from '#domain/organisations/roles.ts';

/** POST /api/v1/auth/login */
export const loginRequest = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

/** A role grant as the web app sees it. */
export const roleGrantView = z.object({
  role: z.enum(roles),
  organisationId: z.string(),
  organisationName: z.string(),
  organisationType: z.enum(organisationTypes),
  hromadaId: z.string().nullable(),
  hromadaName: z.string().nullable(),
});

/** The signed-in user. */
export const meResponse = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  locale: z.enum(['uk', 'en']),
  grants: z.array(roleGrantView),
  demoMode: z.boolean(),
  /** The session is limited to enrolling a second factor (required for the user's role, not yet enabled). */
  secondFactorEnrolmentRequired: z.boolean(),
});
/** The signed-in user. */
export type Me = z.infer<typeof meResponse>;

/** PUT /api/v1/auth/me/locale */
export const localeRequest = z.object({ locale: z.enum(['uk', 'en']) });

/** GET /api/v1/system/status — public: whether this is a demo installation. */
export const systemStatusResponse = z.object({ demoMode: z.boolean(), hasUsers: z.boolean() });
