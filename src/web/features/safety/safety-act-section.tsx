import type { CaseDetail } from '../cases/cases.api.ts';

/** Safety assessment act of the case on the assessment tab (placeholder until built). */
export function SafetyActSection(_props: { c: CaseDetail }) {
  return null;
}
