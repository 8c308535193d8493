import { DomainError } from '../errors.ts';

/**
 * Well-being benchmarks (SPEC §2.6; 000 §1.3, §3.2): domains assessed for the child and for the caregivers,
 * each with a score, a strengths note and a needs note, at baseline, at each review and at closure.
 * The domain set and the scale are configuration; this is the shipped default.
 */
export type BenchmarkSubject = 'child' | 'caregivers';
/** When a set of scores was taken. */
export type BenchmarkOccasion = 'baseline' | 'review' | 'closure';
/** One configured domain. */
export type BenchmarkDomain = { code: string; subject: BenchmarkSubject; nameUk: string; nameEn: string };
/** The scale: ordered levels from most concern to thriving, and the level a domain must reach for closure. */
export type BenchmarkScale = { min: number; max: number; closureThreshold: number; levels: Array<{ value: number; nameUk: string; nameEn: string }> };
/** A domain set with its scale. */
export type BenchmarkConfig = { domains: BenchmarkDomain[]; scale: BenchmarkScale };

/** The shipped default set: the seven domains the spec names, for the child and for the caregivers. */
export const defaultBenchmarkConfig: BenchmarkConfig = {
  domains: [
    { code: 'safety', subject: 'child', nameUk: 'Безпека', nameEn: 'Safety' },
    { code: 'health', subject: 'child', nameUk: "Здоров'я", nameEn: 'Health' },
    { code: 'education_development', subject: 'child', nameUk: 'Освіта та розвиток', nameEn: 'Education and development' },
    { code: 'attachment_family', subject: 'child', nameUk: "Прив'язаність і сімейні стосунки", nameEn: 'Attachment and family relationships' },
    { code: 'social_connections', subject: 'child', nameUk: "Соціальні зв'язки", nameEn: 'Social connections' },
    { code: 'economic_housing', subject: 'caregivers', nameUk: 'Економічна стабільність і житло', nameEn: 'Economic stability and housing' },
    { code: 'caregiving_capacity', subject: 'caregivers', nameUk: 'Батьківський потенціал (здатність доглядати)', nameEn: 'Caregiving capacity' },
    { code: 'caregiver_wellbeing', subject: 'caregivers', nameUk: "Здоров'я та емоційний стан доглядачів", nameEn: 'Caregivers’ health and emotional state' },
    { code: 'caregiver_social_support', subject: 'caregivers', nameUk: 'Мережа підтримки доглядачів', nameEn: 'Caregivers’ support network' },
  ],
  scale: {
    min: 1,
    max: 4,
    closureThreshold: 3,
    levels: [
      { value: 1, nameUk: 'Серйозне занепокоєння', nameEn: 'Serious concern' },
      { value: 2, nameUk: 'Потребує підтримки', nameEn: 'Needs support' },
      { value: 3, nameUk: 'Достатньо (безпечно)', nameEn: 'Adequate (safe)' },
      { value: 4, nameUk: 'Сильна сторона', nameEn: 'Strength' },
    ],
  },
};

/** One domain's score with strengths before needs (UX principle 4). */
export type BenchmarkScore = { domain: string; score: number; strengths: string; needs: string };
/** A set of scores taken on one date. */
export type BenchmarkRecord = { occasion: BenchmarkOccasion; date: string; scores: BenchmarkScore[] };

/** Checks a record against the configuration: every domain once, scores on the scale, a strengths note for each. */
export function validateBenchmarkRecord(record: BenchmarkRecord, config: BenchmarkConfig): void {
  const codes = new Set(config.domains.map((d) => d.code));
  const seen = new Set<string>();
  for (const s of record.scores) {
    if (!codes.has(s.domain)) throw new DomainError('benchmark_unknown_domain', `Unknown benchmark domain ${s.domain}`, { domain: s.domain });
    if (seen.has(s.domain)) throw new DomainError('benchmark_duplicate_domain', `Domain ${s.domain} scored twice`, { domain: s.domain });
    seen.add(s.domain);
    if (!Number.isInteger(s.score) || s.score < config.scale.min || s.score > config.scale.max) throw new DomainError('benchmark_score_out_of_scale', `Score ${s.score} is outside the scale`, { domain: s.domain });
    if (!s.strengths.trim()) throw new DomainError('benchmark_strengths_required', 'Every domain records strengths as well as needs', { domain: s.domain });
  }
  const missing = [...codes].filter((c) => !seen.has(c));
  if (missing.length > 0) throw new DomainError('benchmark_domains_missing', 'Every domain must be scored', { missing });
}

/** Domains whose latest score is below the closure threshold — the safeguard against premature closure (SPEC §2.14). */
export function domainsBelowThreshold(latest: BenchmarkRecord | null, config: BenchmarkConfig): string[] {
  if (!latest) return config.domains.map((d) => d.code);
  return config.domains.filter((d) => (latest.scores.find((s) => s.domain === d.code)?.score ?? config.scale.min) < config.scale.closureThreshold).map((d) => d.code);
}

/** Per domain, the scores over time in date order — the series behind the case page's chart. */
export function benchmarkSeries(records: BenchmarkRecord[], config: BenchmarkConfig): Array<{ domain: string; points: Array<{ date: string; occasion: BenchmarkOccasion; score: number }> }> {
  const sorted = [...records].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return config.domains.map((d) => ({
    domain: d.code,
    points: sorted.flatMap((r) => {
      const s = r.scores.find((x) => x.domain === d.code);
      return s ? [{ date: r.date, occasion: r.occasion, score: s.score }] : [];
    }),
  }));
}
