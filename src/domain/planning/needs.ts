/**
 * The community needs assessment (SPEC §8; 002 Stage 1): groups counted from the system's own records next to
 * entered administrative data and survey or focus-group findings, each with its source; where the system and an
 * entered figure disagree both are shown with the difference (002: "indicator data received from different agencies
 * differed"); provider mapping and service gaps; a public summary with small cells suppressed.
 */

/** Kinds of source of an entered figure or finding. */
export const sourceKinds = ['administrative', 'survey', 'focus_group', 'other'] as const;
/** One kind. */
export type SourceKind = (typeof sourceKinds)[number];

/**
 * Keys of the groups the system counts (`<kind>` or `<kind>:<code>`): cases active in the year, by type, by
 * difficult-life-circumstance factor of the child and of adults (Resolutions 585, 587), needs assessments
 * completed, referrals sent by service and unmet need by service.
 */
export const systemGroupKinds = ['cases_active', 'case_type', 'child_factor', 'adult_factor', 'needs_assessments_completed', 'referrals', 'unmet_need'] as const;
/** One kind. */
export type SystemGroupKind = (typeof systemGroupKinds)[number];

/** A group key is a kind, optionally with a code. */
export function groupKey(kind: SystemGroupKind, code?: string): string {
  return code ? `${kind}:${code}` : kind;
}

/** An entered figure as the comparison sees it. */
export type EnteredFigure = { groupKey: string | null; value: number; sourceName: string };

/** One group that both the system and at least one entered figure count. */
export type FigureComparison = { groupKey: string; systemCount: number; entered: number; sourceName: string; difference: number };

/** Entered figures named against a system group, side by side with the system's count (0 when the system has none). */
export function compareWithSystem(system: ReadonlyMap<string, number>, entered: readonly EnteredFigure[]): FigureComparison[] {
  return entered
    .filter((f): f is EnteredFigure & { groupKey: string } => f.groupKey !== null && f.groupKey !== '')
    .map((f) => {
      const systemCount = system.get(f.groupKey) ?? 0;
      return { groupKey: f.groupKey, systemCount, entered: f.value, sourceName: f.sourceName, difference: f.value - systemCount };
    });
}

/** Cells below this are suppressed in the public summary. */
export const suppressionThreshold = 5;

/** A count as published: null (shown as "<5") when 1–4 people could be recognised; zero and five or more are shown. */
export function suppress(n: number): number | null {
  return n > 0 && n < suppressionThreshold ? null : n;
}

/** What is known of one service in the hromada for the gap analysis. */
export type ServiceSupply = { serviceCode: string; providers: number; capacity: number | null; demand: number; unmet: number };

/** Why a needed service is a gap. */
export const gapReasons = ['no_provider', 'unmet_need', 'capacity_below_demand'] as const;
/** One reason. */
export type GapReason = (typeof gapReasons)[number];

/**
 * Service gaps: a service that is needed (demand from referrals and plans, or unmet need) with no provider serving
 * the hromada, with referrals declined for lack of places, or with fewer places than the demand.
 */
export function serviceGaps(rows: readonly ServiceSupply[]): Array<ServiceSupply & { reasons: GapReason[] }> {
  return rows
    .filter((r) => r.demand > 0 || r.unmet > 0)
    .map((r) => {
      const reasons: GapReason[] = [];
      if (r.providers === 0) reasons.push('no_provider');
      if (r.unmet > 0) reasons.push('unmet_need');
      if (r.providers > 0 && r.capacity !== null && r.capacity < r.demand) reasons.push('capacity_below_demand');
      return { ...r, reasons };
    })
    .filter((r) => r.reasons.length > 0);
}
