/** The supervisor's approvals queue (placeholder until built). */
export function ApprovalsPage() {
  return null;
}
