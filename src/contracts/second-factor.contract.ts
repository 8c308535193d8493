import { z } from 'zod';

/** The signed-in user's second factor (GET /api/v1/auth/second-factor). */
export const secondFactorStatusResponse = z.object({
  /** none: never enrolled; pending: enrolment started, not confirmed; enabled: codes are asked at login. */
  status: z.enum(['none', 'pending', 'enabled']),
  /** The user's roles require a second factor (SECOND_FACTOR_REQUIRED_ROLES). */
  required: z.boolean(),
  /** The session is limited to enrolment until the second factor is enabled. */
  enrolmentRequired: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
  /** May turn it off (not when the roles require it). */
  mayDisable: z.boolean(),
  /** Version of the record (0 without one), sent back by confirmation, regeneration and disabling. */
  version: z.number().int(),
});
export type SecondFactorStatus = z.infer<typeof secondFactorStatusResponse>;

/** POST …/second-factor/enrolment: the secret is shown once, as text, as an otpauth URI and as a QR code. */
export const enrolmentResponse = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** The QR code of the URI, as an SVG document (show it as an image). */
  qrSvg: z.string(),
  version: z.number().int(),
});
export type Enrolment = z.infer<typeof enrolmentResponse>;

const code = z.string().trim().min(1).max(40);

/** POST …/second-factor/enrolment/confirmation: the first code from the app turns the second factor on. */
export const confirmEnrolmentRequest = z.object({ code, version: z.number().int().min(0).max(2_147_483_647) });

/** Recovery codes, shown once. */
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()), status: secondFactorStatusResponse });
export type RecoveryCodes = z.infer<typeof recoveryCodesResponse>;

/** Regenerating recovery codes or turning the factor off proves presence again: a current code (or a recovery code) or the password. */
export const reauthenticationRequest = z.object({
  code: code.optional(),
  password: z.string().min(1).max(200).optional(),
  version: z.number().int().min(0).max(2_147_483_647),
});

/** The login's second step: the pending token of the first step and a code from the app or a recovery code. */
export const loginSecondFactorRequest = z.object({
  pendingToken: z.string().min(1).max(200),
  code,
});

/** The first step's answer when the password was right and a second factor is enabled (HTTP 202, no session yet). */
export const secondFactorChallengeResponse = z.object({
  status: z.literal('second_factor_required'),
  pendingToken: z.string(),
  expiresAt: z.string(),
});
export type SecondFactorChallenge = z.infer<typeof secondFactorChallengeResponse>;
