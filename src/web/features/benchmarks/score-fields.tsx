import { Fieldset, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BenchmarkConfig, ChildBenchmarks } from './benchmarks.api.ts';

/** What is typed for one domain: the score as the radio value, strengths before needs (UX principle 4). */
export type DomainDraft = { score: string; strengths: string; needs: string };
/** One child's draft: a domain code → its draft. */
export type ChildScoresDraft = Record<string, DomainDraft>;

/** An empty draft for every configured domain. */
export function emptyScores(config: BenchmarkConfig): ChildScoresDraft {
  return Object.fromEntries(config.domains.map((d) => [d.code, { score: '', strengths: '', needs: '' }]));
}

/** Domains of a draft still lacking a score or a strengths note. */
export function incompleteDomains(config: BenchmarkConfig, draft: ChildScoresDraft): string[] {
  return config.domains.filter((d) => !draft[d.code]?.score || !draft[d.code]?.strengths.trim()).map((d) => d.code);
}

/** The draft as the API expects it. */
export function toChildBenchmarks(config: BenchmarkConfig, childPersonId: string, draft: ChildScoresDraft): ChildBenchmarks {
  return {
    childPersonId,
    scores: config.domains.map((d) => {
      const v = draft[d.code] ?? { score: '', strengths: '', needs: '' };
      return { domain: d.code, score: Number(v.score), strengths: v.strengths, needs: v.needs };
    }),
  };
}

/** The domain's name in the interface language. */
export function useDomainName(config: BenchmarkConfig | undefined): (code: string) => string {
  const { i18n } = useTranslation();
  return (code) => {
    const d = config?.domains.find((x) => x.code === code);
    if (!d) return code;
    return i18n.language === 'en' ? d.nameEn : d.nameUk;
  };
}

type Props = {
  config: BenchmarkConfig;
  /** Unique per form and child: ids of the fields. */
  idPrefix: string;
  value: ChildScoresDraft;
  onChange: (next: ChildScoresDraft) => void;
  /** Domains to mark as incomplete after a submit attempt. */
  showMissing: readonly string[];
  /** Heading level of the subject headings (child / caregivers). */
  headingOrder?: 3 | 4;
};

/** Every configured domain for one child: the child's domains, then the caregivers'; each a score, strengths, needs. */
export function ChildScoreFields({ config, idPrefix, value, onChange, showMissing, headingOrder = 3 }: Props) {
  const { t, i18n } = useTranslation();
  const domainName = useDomainName(config);
  const set = (code: string, patch: Partial<DomainDraft>) => onChange({ ...value, [code]: { ...(value[code] ?? { score: '', strengths: '', needs: '' }), ...patch } });
  const levelName = (l: BenchmarkConfig['scale']['levels'][number]) => (i18n.language === 'en' ? l.nameEn : l.nameUk);
  return (
    <Stack gap="md">
      {(['child', 'caregivers'] as const).map((subject) => (
        <Stack key={subject} gap="sm">
          <Title order={headingOrder} size="h5">
            {t(`benchmarks.subject.${subject}`)}
          </Title>
          {config.domains
            .filter((d) => d.subject === subject)
            .map((d) => {
              const v = value[d.code] ?? { score: '', strengths: '', needs: '' };
              const missing = showMissing.includes(d.code);
              const below = v.score !== '' && Number(v.score) < config.scale.closureThreshold;
              return (
                <Fieldset key={d.code} legend={domainName(d.code)} id={`${idPrefix}-${d.code}`} variant="filled">
                  <Stack gap="xs">
                    <Radio.Group
                      label={t('benchmarks.form.score')}
                      value={v.score}
                      onChange={(score) => set(d.code, { score })}
                      required
                      error={missing && !v.score ? t('benchmarks.form.scoreRequired') : undefined}
                    >
                      <Group gap="md" mt={4}>
                        {config.scale.levels.map((l) => (
                          <Radio key={l.value} value={String(l.value)} label={`${l.value} — ${levelName(l)}`} />
                        ))}
                      </Group>
                    </Radio.Group>
                    {below && (
                      <Text size="xs" c="orange.9">
                        {t('benchmarks.belowThresholdHint', { threshold: config.scale.closureThreshold })}
                      </Text>
                    )}
                    <Textarea
                      label={t('benchmarks.form.strengths')}
                      required
                      autosize
                      minRows={2}
                      value={v.strengths}
                      onChange={(e) => set(d.code, { strengths: e.currentTarget.value })}
                      error={missing && !v.strengths.trim() ? t('benchmarks.form.strengthsRequired') : undefined}
                    />
                    <Textarea label={t('benchmarks.form.needs')} autosize minRows={2} value={v.needs} onChange={(e) => set(d.code, { needs: e.currentTarget.value })} />
                  </Stack>
                </Fieldset>
              );
            })}
        </Stack>
      ))}
    </Stack>
  );
}
