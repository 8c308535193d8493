/** The safety assessment act form of a case (placeholder until built). */
export function SafetyActPage() {
  return null;
}
