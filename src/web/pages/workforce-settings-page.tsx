import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseloadComplexities, type CaseloadComplexity } from '#domain/workforce/caseload.ts';
import { canEditWorkforceSettings } from '#domain/access/workforce-policy.ts';
import { actorOf, useMe } from '../features/auth/auth.queries.ts';
import { fetchWorkforceSettings, saveWorkforceSettings, type WorkforceSettings } from '../features/workforce/workforce.api.ts';
import { isApiError } from '../ui/api-client.ts';
import { ConflictChoice } from '../ui/conflict-merge.tsx';
import { ErrorAlert, fieldErrorsOf } from '../ui/error-alert.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { useConflictMerge } from '../ui/use-conflict-merge.ts';

type Draft = { weights: Record<CaseloadComplexity, number | string>; remoteThresholdMinutes: number | string; remoteExtraFte: number | string };

const draftOf = (s: WorkforceSettings): Draft => ({ weights: { ...s.weights }, remoteThresholdMinutes: s.remoteThresholdMinutes, remoteExtraFte: s.remoteExtraFte });
/** How many cases of one kind alone fill a worker's capacity. */
const casesAtCapacity = (w: number | string) => (typeof w === 'number' && w > 0 ? Math.floor(1 / w + 1e-9) : null);

function SettingsForm({ settings }: { settings: WorkforceSettings }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [d, setD] = useState<Draft>(() => draftOf(settings));
  const [saved, setSaved] = useState(false);
  // No lost updates (SPEC §11): after a 409 both versions are shown — keep mine (saved over theirs) or take theirs.
  const baseRef = useRef<Draft>(draftOf(settings));
  const versionRef = useRef(settings.version);
  const conflict = useConflictMerge<Draft>(
    async () => {
      const s = await fetchWorkforceSettings();
      return { value: draftOf(s), version: s.version };
    },
    (value, version, how) => {
      versionRef.current = version;
      setD(value);
      if (how.save) save.mutate(value);
      else {
        baseRef.current = value;
        save.reset();
        void qc.invalidateQueries({ queryKey: ['workforce', 'settings'] });
      }
    },
  );
  const save = useMutation({
    mutationFn: (d: Draft) =>
      saveWorkforceSettings({
        weights: Object.fromEntries(caseloadComplexities.map((c) => [c, d.weights[c] === '' ? 0 : Number(d.weights[c])])) as Record<CaseloadComplexity, number>,
        remoteThresholdMinutes: d.remoteThresholdMinutes === '' ? -1 : Number(d.remoteThresholdMinutes),
        remoteExtraFte: d.remoteExtraFte === '' ? -1 : Number(d.remoteExtraFte),
        version: versionRef.current,
      }),
    onMutate: () => setSaved(false),
    onSuccess: (s) => {
      versionRef.current = s.version;
      baseRef.current = draftOf(s);
      qc.setQueryData(['workforce', 'settings'], s);
      void qc.invalidateQueries({ queryKey: ['supervision', 'team'] });
      setSaved(true);
    },
    onError: (e, sent) => void conflict.onConflict(e, baseRef.current, sent),
  });
  const errors = fieldErrorsOf(t, save.error);
  const problems = isApiError(save.error, 'caseload_weights_invalid') && Array.isArray(save.error.problem.details?.problems) ? (save.error.problem.details.problems as string[]) : [];
  const weightError = (c: CaseloadComplexity) => (errors[`weights.${c}`] !== undefined || problems.includes(`weight_out_of_range:${c}`) ? t('workforce.settings.weightRange') : undefined);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(d);
      }}
    >
      <Stack gap="md">
        {saved && (
          <Alert color="green" role="status">
            {t('workforce.settings.saved')}
          </Alert>
        )}
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ws-weights">
          <Title order={2} size="h3" id="ws-weights" mb={4}>
            {t('workforce.settings.weightsHeading')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('workforce.settings.weightsIntro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3, md: 5 }}>
            {caseloadComplexities.map((c) => {
              const n = casesAtCapacity(d.weights[c]);
              return (
                <NumberInput
                  key={c}
                  label={t('workforce.settings.weight', { kind: t(`workforce.complexity.${c}`) })}
                  description={n === null ? t('workforce.settings.weightRange') : t('workforce.settings.fillsCapacity', { n })}
                  value={d.weights[c]}
                  onChange={(v) => setD({ ...d, weights: { ...d.weights, [c]: v } })}
                  decimalScale={3}
                  step={0.005}
                  clampBehavior="none"
                  error={weightError(c)}
                />
              );
            })}
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ws-travel">
          <Title order={2} size="h3" id="ws-travel" mb={4}>
            {t('workforce.settings.travelHeading')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('workforce.settings.travelIntro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} maw={640}>
            <NumberInput label={t('workforce.settings.threshold')} value={d.remoteThresholdMinutes} onChange={(v) => setD({ ...d, remoteThresholdMinutes: v })} allowDecimal={false} clampBehavior="none" error={errors.remoteThresholdMinutes} />
            <NumberInput label={t('workforce.settings.extraFte')} value={d.remoteExtraFte} onChange={(v) => setD({ ...d, remoteExtraFte: v })} decimalScale={2} step={0.05} clampBehavior="none" error={errors.remoteExtraFte} />
          </SimpleGrid>
        </Paper>
        <ConflictChoice
          conflict={conflict}
          labels={{
            ...Object.fromEntries(caseloadComplexities.map((c) => [`weights.${c}`, t('workforce.settings.weight', { kind: t(`workforce.complexity.${c}`) })])),
            remoteThresholdMinutes: t('workforce.settings.threshold'),
            remoteExtraFte: t('workforce.settings.extraFte'),
          }}
        />
        {save.error && !(isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled)) && <ErrorAlert error={save.error} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={() => setD(draftOf(settings))}>
            {t('workforce.settings.undo')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** «Навантаження: ваги» — the administrator sets the caseload weights and the travel rule (SPEC §7, §8). */
export function WorkforceSettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const admin = canEditWorkforceSettings(actorOf(me));
  usePageTitle(admin ? t('workforce.settings.title') : t('common.notFoundTitle'));
  const q = useQuery({ queryKey: ['workforce', 'settings'], queryFn: fetchWorkforceSettings, enabled: admin });
  if (!admin) return <NotFound />;
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('workforce.settings.title')}</Title>
        <Text c="dimmed" size="sm" maw={820}>
          {t('workforce.settings.intro')}
        </Text>
      </div>
      <SettingsForm settings={q.data} />
    </Stack>
  );
}
