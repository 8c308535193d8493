/** One version of the social support plan: editor or read-only view (placeholder until built). */
export function PlanPage() {
  return null;
}
