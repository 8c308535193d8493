import { Alert, Anchor, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postBenchmarks, type BenchmarkConfig } from '../features/benchmarks/benchmarks.api.ts';
import { benchmarkConfigQuery, benchmarksQuery } from '../features/benchmarks/benchmarks.queries.ts';
import { ChildScoreFields, emptyScores, incompleteDomains, toChildBenchmarks, useDomainName, type ChildScoresDraft } from '../features/benchmarks/score-fields.tsx';
import type { CaseDetail } from '../features/cases/cases.api.ts';
import { caseQuery } from '../features/cases/cases.queries.ts';
import { caseChildren } from '../features/cases/case-title.ts';
import { CaseFormPage, DateField } from '../features/implementation/case-form-page.tsx';
import { formatFullName } from '../features/persons/person-name.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { todayInKyiv } from '../ui/format.ts';
import { PageLoader } from '../ui/page-loader.tsx';
import { UnsavedChangesGuard } from '../ui/unsaved-changes-guard.tsx';

function BenchmarksForm({ c, config, hasBaseline }: { c: CaseDetail; config: BenchmarkConfig; hasBaseline: (childId: string) => boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const children = caseChildren(c);
  const allHaveBaseline = children.every((ch) => hasBaseline(ch.personId));
  const [occasion, setOccasion] = useState<'baseline' | 'review'>(allHaveBaseline ? 'review' : 'baseline');
  const [recordedOn, setRecordedOn] = useState(todayInKyiv());
  const [drafts, setDrafts] = useState<Record<string, ChildScoresDraft>>(() => Object.fromEntries(children.map((ch) => [ch.personId, emptyScores(config)])));
  const [tried, setTried] = useState(false);
  const dirty = useRef(false);
  const domainName = useDomainName(config);
  const missing = Object.fromEntries(children.map((ch) => [ch.personId, incompleteDomains(config, drafts[ch.personId] ?? {})]));
  const anyMissing = Object.values(missing).some((m) => m.length > 0);

  const save = useMutation({
    mutationFn: async () => {
      for (const ch of children) {
        if (occasion === 'baseline' && hasBaseline(ch.personId)) continue;
        await postBenchmarks(c.id, { ...toChildBenchmarks(config, ch.personId, drafts[ch.personId] ?? {}), occasion, recordedOn });
      }
    },
    onSuccess: async () => {
      dirty.current = false;
      await queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey });
      await navigate({ to: '/cases/$caseId', params: { caseId: c.id }, search: { tab: 'assessment' } });
    },
  });

  const submit = () => {
    setTried(true);
    if (anyMissing || !recordedOn) {
      window.setTimeout(() => document.getElementById('bm-missing')?.focus(), 30);
      return;
    }
    save.mutate();
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onChange={() => (dirty.current = true)}
      noValidate
    >
      <UnsavedChangesGuard shouldBlock={() => dirty.current && !save.isSuccess} />
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Radio.Group label={t('benchmarks.form.occasion')} value={occasion} onChange={(v) => setOccasion(v as 'baseline' | 'review')} required>
              <Stack gap={6} mt={4}>
                <Radio value="baseline" label={t('benchmarks.occasion.baseline')} disabled={allHaveBaseline} description={allHaveBaseline ? t('benchmarks.form.baselineDone') : undefined} />
                <Radio value="review" label={t('benchmarks.occasion.review')} />
              </Stack>
            </Radio.Group>
            <DateField label={t('benchmarks.form.recordedOn')} value={recordedOn} onChange={setRecordedOn} required maxDate={todayInKyiv()} minDate={c.registeredOn} maw={240} />
            <Text size="sm" c="dimmed">
              {t('benchmarks.form.scaleHint', { threshold: config.scale.closureThreshold })}
            </Text>
          </Stack>
        </Paper>
        {children.map((ch) => (
          <Paper key={ch.personId} withBorder p="md" radius="md" component="section" aria-labelledby={`bm-child-${ch.personId}`}>
            <Stack gap="sm">
              <Title order={2} size="h4" id={`bm-child-${ch.personId}`}>
                {formatFullName(ch)}
              </Title>
              {occasion === 'baseline' && hasBaseline(ch.personId) ? (
                <Text size="sm">{t('benchmarks.form.childBaselineDone')}</Text>
              ) : (
                <ChildScoreFields
                  config={config}
                  idPrefix={`bm-${ch.personId}`}
                  value={drafts[ch.personId] ?? {}}
                  onChange={(next) => {
                    dirty.current = true;
                    setDrafts((d) => ({ ...d, [ch.personId]: next }));
                  }}
                  showMissing={tried ? (missing[ch.personId] ?? []) : []}
                />
              )}
            </Stack>
          </Paper>
        ))}
        {tried && anyMissing && (
          <Alert color="red" variant="light" role="alert" id="bm-missing" tabIndex={-1} title={t('benchmarks.form.missingTitle')}>
            <Stack gap={4}>
              {children.map((ch) =>
                (missing[ch.personId] ?? []).length > 0 ? (
                  <Text size="sm" key={ch.personId}>
                    {formatFullName(ch)}:{' '}
                    {(missing[ch.personId] ?? []).map((code, i) => (
                      <span key={code}>
                        {i > 0 && ', '}
                        <Anchor href={`#bm-${ch.personId}-${code}`} size="sm" underline="always">{domainName(code)}</Anchor>
                      </span>
                    ))}
                  </Text>
                ) : null,
              )}
            </Stack>
          </Alert>
        )}
        <ErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('benchmarks.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Records a set of well-being benchmark scores (baseline or review) for every child of the case (SPEC §2.6). */
export function BenchmarksRecordPage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ from: '/app/cases/$caseId/benchmarks/new' });
  const config = useQuery(benchmarkConfigQuery);
  const list = useQuery(benchmarksQuery(caseId));
  return (
    <CaseFormPage caseId={caseId} title={t('benchmarks.form.title')} backTab="assessment">
      {(c) =>
        config.data && list.data ? (
          <BenchmarksForm c={c} config={config.data} hasBaseline={(id) => list.data.items.some((r) => r.occasion === 'baseline' && r.child.personId === id)} />
        ) : config.error || list.error ? (
          <ErrorAlert error={config.error ?? list.error} />
        ) : (
          <PageLoader />
        )
      }
    </CaseFormPage>
  );
}
