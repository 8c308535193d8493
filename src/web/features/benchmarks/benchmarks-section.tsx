import type { CaseDetail } from '../cases/cases.api.ts';

/** Well-being benchmarks with the chart over time, on the assessment tab (placeholder until built). */
export function BenchmarksSection(_props: { c: CaseDetail }) {
  return null;
}
