import type { CaseDetail } from '../cases/cases.api.ts';

/** Family tracing, relatives and family assessment (placeholder until built). */
export function FamilyTab(_props: { c: CaseDetail }) {
  return null;
}
