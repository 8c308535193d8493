import type { DemoUser, MatrixWorld } from './matrix-world.ts';

/**
 * The kit the declared route policies are written with (see `route-policies.ts`). The declared access policy of every route (SPEC §11, need-to-know), checked by
 * `src/server/http/permission-matrix.test.ts` against the routes the app really registers: a route without an entry
 * here fails the build, and so does an entry without a route.
 *
 * Outcomes: `allowed` — past the access check (2xx, or a 4xx of validation or of a domain rule: 400/409/422, never
 * 401/403/404); `forbidden` — 403 (visible but not allowed); `hidden` — 404, exactly like a missing id.
 * Unauthenticated calls answer 401 on every route that is not `public`.
 */
export type Outcome = 'allowed' | 'forbidden' | 'hidden';

/** Which record a route is called on: the Bucha case (cm.bucha's), the Stryi case (cm.stryi's), or no case. */
export type Variant = 'bucha' | 'stryi' | 'none';

/** How the access check of a route is exercised. */
export type Coverage =
  /** every demo user is checked against `expect` */
  | 'full'
  /** only 401 for anonymous callers (and the CSRF guard for writes); the reason is in `note` */
  | 'auth-only';

/** The declared policy of one route. */
export type RoutePolicy = {
  /** The rule in words (what SPEC §11 asks of this route). */
  rule: string;
  /** The outcome for a demo user on one variant. */
  expect: (user: DemoUser, variant: Variant) => Outcome;
  variants: readonly Variant[];
  coverage: Coverage;
  /** Query string (without `?`) to call the route with. */
  query?: (w: MatrixWorld, v: Variant) => string;
  /**
   * Request body: omitted → a schema-valid body generated from the route's zod schema (the same for every user), or
   * none when the route has no body schema; a function → merged over the generated body.
   */
  body?: (w: MatrixWorld, v: Variant) => Record<string, unknown>;
  /** Ids for path parameters other than a case's `:id` (default: the world's record of that kind, see `paramIds`). */
  params?: (w: MatrixWorld, v: Variant) => Record<string, string>;
  /** Calls with a fresh session per user (the route ends the session). */
  freshSession?: boolean;
  note?: string;
};

/** A random id that names nothing. */
export const missingId = '00000000-0000-4000-8000-000000000000';

export const css = ['cm.bucha', 'cm2.bucha', 'sv.bucha', 'cm.dmytrivka', 'cm.stryi', 'cm.obroshyne'] as const satisfies readonly DemoUser[];
export const cas = ['cas.bucha', 'cas.dmytrivka', 'cas.stryi'] as const satisfies readonly DemoUser[];
export const intakeServices: readonly DemoUser[] = [...css, ...cas];
export const buchaIntake: readonly DemoUser[] = ['cm.bucha', 'cm2.bucha', 'sv.bucha', 'cas.bucha'];

export const all = (): Outcome => 'allowed';
export function only(users: readonly DemoUser[], otherwise: Outcome = 'forbidden'): (u: DemoUser) => Outcome {
  return (u) => (users.includes(u) ? 'allowed' : otherwise);
}
export function allBut(users: readonly DemoUser[], outcome: Outcome = 'forbidden'): (u: DemoUser) => Outcome {
  return (u) => (users.includes(u) ? outcome : 'allowed');
}

/** Who relates to each case: its case manager, the manager's supervisor, the Child Affairs Service of the hromada. */
export const caseManager: Record<Exclude<Variant, 'none'>, DemoUser> = { bucha: 'cm.bucha', stryi: 'cm.stryi' };
export const supervisor: Record<Exclude<Variant, 'none'>, DemoUser | null> = { bucha: 'sv.bucha', stryi: null };
export const childAffairs: Record<Exclude<Variant, 'none'>, DemoUser> = { bucha: 'cas.bucha', stryi: 'cas.stryi' };

/** Reading a case or one of its parts: the case manager, their supervisor, the hromada's Child Affairs Service; the rest 404. */
export function caseView(u: DemoUser, v: Variant): Outcome {
  if (v === 'none') return 'hidden';
  return u === caseManager[v] || u === supervisor[v] || u === childAffairs[v] ? 'allowed' : 'hidden';
}
/** Changing a case: the case manager and their supervisor; Child Affairs sees it (403); the rest 404. */
export function caseManage(u: DemoUser, v: Variant): Outcome {
  if (v === 'none') return 'hidden';
  if (u === caseManager[v] || u === supervisor[v]) return 'allowed';
  return u === childAffairs[v] ? 'forbidden' : 'hidden';
}

/** Writes on the Bucha caregiver: `writers` may; the others who see the caregiver get 403; everyone else 404. */
export function caregiverWrite(writers: readonly DemoUser[]): (u: DemoUser) => Outcome {
  return (u) => (writers.includes(u) ? 'allowed' : [...buchaIntake, 'planner.bucha'].includes(u) ? 'forbidden' : 'hidden');
}

export const both: readonly Variant[] = ['bucha', 'stryi'];
export const none: readonly Variant[] = ['none'];
export const caseRead = (extra: Partial<RoutePolicy> = {}): RoutePolicy => ({ rule: 'case scope: read', expect: caseView, variants: both, coverage: 'full', ...extra });
export const caseWrite = (extra: Partial<RoutePolicy> = {}): RoutePolicy => ({ rule: 'case scope: case manager or supervisor', expect: caseManage, variants: both, coverage: 'full', ...extra });
/** A part of the Bucha case addressed by its own id: the Stryi variant passes the Bucha part's id under the Stryi case, which must look absent even to the Stryi case manager. */
export const casePart = (write: boolean, extra: Partial<RoutePolicy> = {}): RoutePolicy => ({
  rule: `case scope (${write ? 'write' : 'read'}) on a part of the case; a part of another case is absent`,
  expect: (u, v) => (v === 'stryi' ? (u === 'cas.stryi' && write ? 'forbidden' : 'hidden') : write ? caseManage(u, v) : caseView(u, v)),
  variants: both,
  coverage: 'full',
  ...extra,
});
export const simple = (rule: string, expect: (u: DemoUser) => Outcome, extra: Partial<RoutePolicy> = {}): RoutePolicy => ({ rule, expect, variants: none, coverage: 'full', ...extra });
export const authOnly = (rule: string, note: string, extra: Partial<RoutePolicy> = {}): RoutePolicy => ({ rule, expect: all, variants: none, coverage: 'auth-only', note, ...extra });

/** Default ids of path parameters, by parameter name (a case's `:id` is the variant's case). */
export function paramIds(w: MatrixWorld): Record<string, string> {
  return {
    assessmentId: w.ids.safetyAssessment as string,
    relativeId: w.ids.relative as string,
    faId: w.ids.familyAssessment as string,
    episodeId: w.ids.careEpisode as string,
    planId: w.ids.plan as string,
    noteId: w.ids.note as string,
    visitId: w.ids.homeVisit as string,
    memberId: w.ids.teamMember as string,
    personId: w.buchaChildId,
    code: w.ids.serviceCode as string,
  };
}

export const caseOf = (w: MatrixWorld, v: Variant) => (v === 'stryi' ? w.stryiCaseId : w.buchaCaseId);
export const hromadaOf = (w: MatrixWorld, v: Variant) => (v === 'stryi' ? w.world.stryi : w.world.bucha);


/** What a part's `seedIds` gets: the signed-in caller, the seeded world and the ids seeded so far. */
export type SeedContext = {
  call: MatrixWorld['call'];
  world: MatrixWorld['world'];
  deps: import('#server/lib/context.ts').Deps;
  buchaCaseId: string;
  stryiCaseId: string;
  buchaChildId: string;
  ids: Readonly<Record<string, string>>;
  /** POSTs as a user and answers the created record (throws unless 200/201). */
  created: (user: DemoUser, url: string, payload: unknown) => Promise<Record<string, unknown>>;
};

/** One area's declared policies (see `test/policies/index.ts`). */
export type PolicyPart = {
  policies: Record<string, RoutePolicy>;
  /** Creates the records the area's routes are called on; the answered ids join `MatrixWorld.ids`. */
  seedIds?: (ctx: SeedContext) => Promise<Record<string, string>>;
};
