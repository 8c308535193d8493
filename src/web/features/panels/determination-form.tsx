import { Alert, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { careOptions, type CareOption } from '#domain/panels/panels.ts';
import { isApiError } from '../../ui/api-client.ts';
import { DateField } from '../../ui/date-field.tsx';
import { fetchInstitutions } from '../institutions/institutions.api.ts';
import { errorMessage } from '../../ui/error-alert.tsx';
import { panelKeys, saveDetermination, type AgendaItem, type Meeting } from './panels.api.ts';

type OptionText = { necessity: string; suitability: string; ruledOutReason: string };

/** The best-interests determination of a submission on the agenda (SPEC §3): options considered, the child's views, the decision. */
export function DeterminationForm({ meeting, item }: { meeting: Meeting; item: AgendaItem }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const current = item.submission?.determination ?? null;
  const [considered, setConsidered] = useState<Partial<Record<CareOption, OptionText>>>(() => Object.fromEntries((current?.options ?? []).map((o) => [o.option, { necessity: o.necessity, suitability: o.suitability, ruledOutReason: o.ruledOutReason }])));
  const [childViews, setChildViews] = useState(current?.childViews ?? '');
  const [notHeard, setNotHeard] = useState(current?.childNotHeardReason ?? '');
  const [chosen, setChosen] = useState<CareOption | ''>(current?.chosenOption ?? '');
  const [rationale, setRationale] = useState(current?.rationale ?? '');
  const [dissent, setDissent] = useState(current?.dissentingOpinions ?? '');
  const [followUp, setFollowUp] = useState<string | null>(current?.followUpDate ?? null);
  const [saved, setSaved] = useState(false);
  const [institutionId, setInstitutionId] = useState(current?.institutionId ?? '');
  const institutions = useQuery({ queryKey: ['panels', 'institutions'], queryFn: () => fetchInstitutions({}, undefined, 200), enabled: chosen === 'institution' });
  const save = useMutation({
    mutationFn: () =>
      saveDetermination(item.id, {
        options: careOptions.filter((o) => considered[o]).map((o) => ({ option: o, ...(considered[o] as OptionText) })),
        childViews,
        childNotHeardReason: notHeard,
        chosenOption: (chosen || careOptions.find((o) => considered[o]) || 'family_of_origin_with_support') as CareOption,
        rationale,
        dissentingOpinions: dissent,
        followUpDate: followUp,
        institutionId: chosen === 'institution' && institutionId ? institutionId : null,
        ...(current ? { version: current.version } : {}),
      }),
    onSuccess: (m) => {
      qc.setQueryData(panelKeys.meeting(meeting.id), m);
      setSaved(true);
    },
  });
  const toggle = (o: CareOption, on: boolean) => setConsidered((c) => ({ ...c, [o]: on ? (c[o] ?? { necessity: '', suitability: '', ruledOutReason: '' }) : undefined }));
  const setText = (o: CareOption, k: keyof OptionText, v: string) => setConsidered((c) => ({ ...c, [o]: { ...(c[o] as OptionText), [k]: v } }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate();
  };
  const missing = isApiError(save.error, 'panel_institution_without_reasons') && Array.isArray(save.error.problem.details?.missing) ? (save.error.problem.details.missing as string[]) : null;
  const label = (o: CareOption) => t(`panels.options.${o}`);
  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby={`det-${item.id}`}>
      <form onSubmit={onSubmit}>
        <Stack gap="xs">
          <Title order={4} size="h5" id={`det-${item.id}`}>
            {t('panels.determination.heading')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('panels.determination.intro')}
          </Text>
          {careOptions.map((o) => (
            <Stack key={o} gap={4}>
              <Checkbox label={t('panels.determination.considered', { option: label(o) })} checked={!!considered[o]} onChange={(e) => toggle(o, e.currentTarget.checked)} />
              {considered[o] && (
                <Group grow align="flex-start" wrap="wrap">
                  <Textarea label={t('panels.determination.necessity', { option: label(o) })} value={considered[o]?.necessity ?? ''} onChange={(e) => setText(o, 'necessity', e.currentTarget.value)} autosize minRows={1} maxLength={2000} miw={200} />
                  <Textarea label={t('panels.determination.suitability', { option: label(o) })} value={considered[o]?.suitability ?? ''} onChange={(e) => setText(o, 'suitability', e.currentTarget.value)} autosize minRows={1} maxLength={2000} miw={200} />
                  <Textarea label={t('panels.determination.ruledOut', { option: label(o) })} value={considered[o]?.ruledOutReason ?? ''} onChange={(e) => setText(o, 'ruledOutReason', e.currentTarget.value)} autosize minRows={1} maxLength={2000} miw={200} />
                </Group>
              )}
            </Stack>
          ))}
          <Textarea label={t('panels.determination.childViews')} value={childViews} onChange={(e) => setChildViews(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          <Textarea label={t('panels.determination.childNotHeard')} value={notHeard} onChange={(e) => setNotHeard(e.currentTarget.value)} autosize minRows={1} maxLength={2000} />
          <NativeSelect label={t('panels.determination.chosen')} value={chosen} onChange={(e) => setChosen(e.currentTarget.value as CareOption)} data={[{ value: '', label: '—' }, ...careOptions.map((o) => ({ value: o, label: label(o) }))]} required />
          {chosen === 'institution' && (
            <NativeSelect label={t('panels.determination.institution')} value={institutionId} onChange={(e) => setInstitutionId(e.currentTarget.value)} data={[{ value: '', label: '—' }, ...(institutions.data?.items ?? []).map((i) => ({ value: i.id, label: i.nameUk }))]} />
          )}
          <Textarea label={t('panels.determination.rationale')} value={rationale} onChange={(e) => setRationale(e.currentTarget.value)} autosize minRows={2} maxLength={4000} required />
          <Textarea label={t('panels.determination.dissent')} value={dissent} onChange={(e) => setDissent(e.currentTarget.value)} autosize minRows={1} maxLength={4000} />
          <DateField label={t('panels.determination.followUp')} value={followUp} onChange={setFollowUp} clearLabel={t('panels.determination.followUp')} />
          {save.error && (
            <Alert color="red" variant="light" title={t('errors.title')} role="alert">
              <Text size="sm">{errorMessage(t, save.error)}</Text>
              {missing && <Text size="sm">{t('panels.determination.missingOptions', { options: missing.map((o) => label(o as CareOption)).join(', ') })}</Text>}
            </Alert>
          )}
          {saved && (
            <Text size="sm" role="status">
              {t('panels.determination.saved')}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('panels.determination.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
