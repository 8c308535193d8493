import type { CaseDetail } from '../cases/cases.api.ts';

/** Care-arrangement history, placement and reunification (placeholder until built). */
export function CareTab(_props: { c: CaseDetail }) {
  return null;
}
