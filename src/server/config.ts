import path from 'node:path';
import { defaultRequiredRoles, parseRequiredRoles } from '#domain/auth/second-factor.ts';
import type { Role } from '#domain/organisations/roles.ts';

/** Runtime configuration, parsed once from the environment (ARCHITECTURE: config.ts). */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Session lifetime and idle timeout, in minutes. */
  sessionTtlMinutes: number;
  sessionIdleMinutes: number;
  /** Failed logins before a lockout, and the lockout's length. */
  maxFailedLogins: number;
  lockoutMinutes: number;
  /** How long a break-the-glass emergency access to a case lasts (SPEC §11). */
  emergencyAccessMinutes: number;
  /** Years after a person's last case closed before their data are anonymised (SPEC §11; `RETENTION_YEARS_AFTER_CLOSURE`). */
  retentionYearsAfterClosure: number;
  /** Rate limits (0 turns one off): the window, login attempts per client address and per username, and calls of sensitive endpoints (PDFs, exports, duplicate search) per session. */
  rateLimitWindowSeconds: number;
  loginRateLimitPerIp: number;
  loginRateLimitPerUsername: number;
  sensitiveRateLimitPerSession: number;
  /** Serve cookies with the Secure flag (behind TLS). */
  secureCookies: boolean;
  /** Roles that must sign in with a second factor (TOTP); empty = optional for everyone. SECOND_FACTOR_REQUIRED_ROLES. */
  secondFactorRequiredRoles: Role[];
  /** Whether SECOND_FACTOR_REQUIRED_ROLES was given (the demo start keeps password-only logins unless it was). */
  secondFactorRolesConfigured: boolean;
  /** Key that encrypts TOTP secrets at rest (SECOND_FACTOR_KEY, 32+ characters); null = not configured (see main.ts). */
  secondFactorKey: string | null;
  /** Trust `X-Forwarded-Proto` from a reverse proxy (TRUST_PROXY=true): HSTS is sent when the proxy says https. */
  trustProxy: boolean;
  webDir: string;
  logLevel: string;
  /** The DHIS2 server that aggregate pushes go to (DHIS2_URL, DHIS2_USERNAME, DHIS2_PASSWORD); null when DHIS2_URL is not set. */
  dhis2: Dhis2Target | null;
};

/** Where DHIS2 is: its base address (no trailing slash) and the account of the pushes. */
export type Dhis2Target = { url: string; username: string; password: string };

/** The configured DHIS2 instance, or null when `DHIS2_URL` is not set. */
export function dhis2TargetFrom(env: NodeJS.ProcessEnv): Dhis2Target | null {
  const url = env.DHIS2_URL?.trim();
  if (!url) return null;
  return { url: url.replace(/\/+$/, ''), username: env.DHIS2_USERNAME ?? '', password: env.DHIS2_PASSWORD ?? '' };
}

function intFrom(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${key} must be a non-negative whole number, got "${raw}"`);
  return n;
}

function keyFrom(env: NodeJS.ProcessEnv): string | null {
  const raw = env.SECOND_FACTOR_KEY;
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32) throw new Error('SECOND_FACTOR_KEY must be at least 32 characters (for example `openssl rand -base64 32`)');
  return raw;
}

/** Reads the configuration from environment variables, with defaults for a laptop start. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom(env, 'PORT', 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL.trim() !== '' ? env.DATABASE_URL : null,
    sessionTtlMinutes: intFrom(env, 'SESSION_TTL_MINUTES', 12 * 60),
    sessionIdleMinutes: intFrom(env, 'SESSION_IDLE_MINUTES', 60),
    maxFailedLogins: intFrom(env, 'MAX_FAILED_LOGINS', 5),
    lockoutMinutes: intFrom(env, 'LOCKOUT_MINUTES', 15),
    emergencyAccessMinutes: intFrom(env, 'EMERGENCY_ACCESS_MINUTES', 60),
    retentionYearsAfterClosure: intFrom(env, 'RETENTION_YEARS_AFTER_CLOSURE', 5),
    rateLimitWindowSeconds: intFrom(env, 'RATE_LIMIT_WINDOW_SECONDS', 60),
    loginRateLimitPerIp: intFrom(env, 'LOGIN_RATE_LIMIT_PER_IP', 30),
    loginRateLimitPerUsername: intFrom(env, 'LOGIN_RATE_LIMIT_PER_USERNAME', 20),
    sensitiveRateLimitPerSession: intFrom(env, 'SENSITIVE_RATE_LIMIT_PER_SESSION', 120),
    secureCookies: env.SECURE_COOKIES === 'true',
    secondFactorRequiredRoles: env.SECOND_FACTOR_REQUIRED_ROLES === undefined ? [...defaultRequiredRoles] : parseRequiredRoles(env.SECOND_FACTOR_REQUIRED_ROLES),
    secondFactorRolesConfigured: env.SECOND_FACTOR_REQUIRED_ROLES !== undefined,
    secondFactorKey: keyFrom(env),
    trustProxy: env.TRUST_PROXY === 'true',
    webDir: path.resolve(env.WEB_DIR ?? './dist/web'),
    logLevel: env.LOG_LEVEL ?? 'info',
    dhis2: dhis2TargetFrom(env),
  };
}
