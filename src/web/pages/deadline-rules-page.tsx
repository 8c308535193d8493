/** Administration of deadline rules (placeholder until built). */
export function DeadlineRulesPage() {
  return null;
}
