import type { CaseDetail } from '../cases/cases.api.ts';

/** Reviews, closure, follow-ups and reopening (placeholder until built). */
export function ReviewTab(_props: { c: CaseDetail }) {
  return null;
}
