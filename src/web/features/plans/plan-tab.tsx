import type { CaseDetail } from '../cases/cases.api.ts';

/** Social support plan, versions, decisions and agreements (placeholder until built). */
export function PlanTab(_props: { c: CaseDetail }) {
  return null;
}
