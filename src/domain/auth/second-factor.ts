import type { Role } from '../organisations/roles.ts';
import { roles } from '../organisations/roles.ts';

/**
 * Second factor rules (SPEC §11, issue 8 item 2): TOTP as authenticator apps expect it (RFC 6238: SHA-1, 6 digits,
 * 30-second steps), a window of one step either side for clock drift, single use of every accepted step, and
 * recovery codes. Pure: time comes in as milliseconds.
 */
export const totpParameters = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** Steps accepted either side of the current one (clock drift of a phone). */
export const totpWindow = 1;
/** How many recovery codes a user gets at once. */
export const recoveryCodeCount = 10;
/** Length of a recovery code without dashes: 16 characters of a 32-letter alphabet = 80 random bits. */
export const recoveryCodeLength = 16;
/** The alphabet of recovery codes: Crockford's base32 (no i, l, o, u; a typed o reads as 0, i and l as 1). */
export const recoveryAlphabet = '0123456789abcdefghjkmnpqrstvwxyz';
/** How long the pending token of a login between password and second factor lives. */
export const loginChallengeMinutes = 5;

/** The 30-second time step a moment falls in. */
export function totpStep(epochMs: number): number {
  return Math.floor(epochMs / 1000 / totpParameters.period);
}

/**
 * Whether the code of time step `step` may be accepted after `lastUsedStep` was: only a later step, so the same code
 * (and any earlier one still inside the window) is refused once a code was used.
 */
export function isFreshStep(step: number, lastUsedStep: number | null): boolean {
  return lastUsedStep === null || step > lastUsedStep;
}

/** What a user typed as their second factor: six digits of the app, or a recovery code, or nothing usable. */
export type SecondFactorInput = { kind: 'totp'; code: string } | { kind: 'recovery'; code: string } | { kind: 'invalid' };

/** Reads a typed code: spaces and dashes are ignored, letters are case-insensitive. */
export function classifyCode(raw: string): SecondFactorInput {
  const code = raw.replace(/[\s-]/g, '').toLowerCase();
  if (/^\d{6}$/.test(code)) return { kind: 'totp', code };
  const recovery = code.replace(/o/g, '0').replace(/[il]/g, '1');
  if (recovery.length === recoveryCodeLength && [...recovery].every((c) => recoveryAlphabet.includes(c))) return { kind: 'recovery', code: recovery };
  return { kind: 'invalid' };
}

/** Shows a normalised recovery code in groups of four: `abcd-efgh-jkmn-pqrs`. */
export function formatRecoveryCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** Turns random bytes into a recovery code (one byte per character; 256 is a multiple of 32, so no bias). */
export function recoveryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < recoveryCodeLength) throw new Error('not enough random bytes');
  let s = '';
  for (let i = 0; i < recoveryCodeLength; i += 1) s += recoveryAlphabet[(bytes[i] as number) % recoveryAlphabet.length];
  return s;
}

/**
 * Parses SECOND_FACTOR_REQUIRED_ROLES: a comma-separated list of roles; empty means optional for everyone.
 * Unknown roles are an error, so a typo cannot silently turn the requirement off.
 */
export function parseRequiredRoles(raw: string): Role[] {
  const parts = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = parts.filter((p) => !(roles as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`SECOND_FACTOR_REQUIRED_ROLES: unknown role(s) ${unknown.join(', ')}`);
  return [...new Set(parts)] as Role[];
}

/** The roles that need a second factor unless configured otherwise: administrators and supervisors (issue 8). */
export const defaultRequiredRoles: readonly Role[] = ['system_admin', 'supervisor'];

/** Whether a user holding these roles must use a second factor. */
export function secondFactorRequired(userRoles: readonly Role[], requiredRoles: readonly Role[]): boolean {
  return userRoles.some((r) => requiredRoles.includes(r));
}

/** What a signed-in session may do about the second factor. */
export type SecondFactorState = 'enabled' | 'pending' | 'none';

/**
 * A user in a required role without an enabled second factor gets a session limited to enrolment:
 * every other API answers 403 `second_factor_enrolment_required`.
 */
export function enrolmentOnly(userRoles: readonly Role[], requiredRoles: readonly Role[], state: SecondFactorState): boolean {
  return state !== 'enabled' && secondFactorRequired(userRoles, requiredRoles);
}

/** A user in a required role may not turn the second factor off (an administrator resets a lost one from the command line). */
export function mayDisable(userRoles: readonly Role[], requiredRoles: readonly Role[]): boolean {
  return !secondFactorRequired(userRoles, requiredRoles);
}
