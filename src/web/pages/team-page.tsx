/** The supervisor's team view with due and overdue items (placeholder until built). */
export function TeamPage() {
  return null;
}
