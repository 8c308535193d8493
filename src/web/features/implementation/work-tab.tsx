import type { CaseDetail } from '../cases/cases.api.ts';

/** Implementation: team, notes, home visits, delivered services, plan reports (placeholder until built). */
export function WorkTab(_props: { c: CaseDetail }) {
  return null;
}
