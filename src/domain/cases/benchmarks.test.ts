import { describe, expect, it } from 'vitest';
import { benchmarkSeries, defaultBenchmarkConfig as config, domainsBelowThreshold, validateBenchmarkRecord, type BenchmarkRecord } from './benchmarks.ts';

const record = (occasion: BenchmarkRecord['occasion'], date: string, score: number, overrides: Record<string, number> = {}): BenchmarkRecord => ({
  occasion,
  date,
  scores: config.domains.map((d) => ({ domain: d.code, score: overrides[d.code] ?? score, strengths: 'є', needs: '' })),
});

describe('well-being benchmarks (SPEC §2.6)', () => {
  it('ships the seven domains of the spec for the child and the caregivers', () => {
    const codes = config.domains.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['safety', 'health', 'education_development', 'attachment_family', 'social_connections', 'economic_housing', 'caregiving_capacity']));
    expect(new Set(config.domains.map((d) => d.subject))).toEqual(new Set(['child', 'caregivers']));
  });

  it('validates a record: every domain once, on the scale, with strengths', () => {
    expect(() => validateBenchmarkRecord(record('baseline', '2026-11-20', 2), config)).not.toThrow();
    expect(() => validateBenchmarkRecord(record('baseline', '2026-11-20', 5), config)).toThrow(expect.objectContaining({ code: 'benchmark_score_out_of_scale' }));
    const r = record('baseline', '2026-11-20', 2);
    expect(() => validateBenchmarkRecord({ ...r, scores: r.scores.slice(1) }, config)).toThrow(expect.objectContaining({ code: 'benchmark_domains_missing' }));
    expect(() => validateBenchmarkRecord({ ...r, scores: [...r.scores, r.scores[0]!] }, config)).toThrow(expect.objectContaining({ code: 'benchmark_duplicate_domain' }));
    expect(() => validateBenchmarkRecord({ ...r, scores: r.scores.map((s) => ({ ...s, strengths: ' ' })) }, config)).toThrow(expect.objectContaining({ code: 'benchmark_strengths_required' }));
  });

  it('names the domains below the closure threshold', () => {
    expect(domainsBelowThreshold(null, config)).toHaveLength(config.domains.length);
    expect(domainsBelowThreshold(record('closure', '2027-05-01', 3), config)).toEqual([]);
    expect(domainsBelowThreshold(record('closure', '2027-05-01', 3, { safety: 2 }), config)).toEqual(['safety']);
  });

  it('builds a series per domain in date order', () => {
    const series = benchmarkSeries([record('review', '2027-02-20', 3), record('baseline', '2026-11-20', 1)], config);
    expect(series.find((s) => s.domain === 'safety')?.points).toEqual([
      { date: '2026-11-20', occasion: 'baseline', score: 1 },
      { date: '2027-02-20', occasion: 'review', score: 3 },
    ]);
  });
});
