import { Alert, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { careOptions, type CareOption } from '#domain/panels/panels.ts';
import { isApiError } from '../../ui/api-client.ts';
import { ConflictMerge, plainText, type FieldLabels } from '../../ui/conflict-merge.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { fetchInstitutions } from '../institutions/institutions.api.ts';
import { errorMessage } from '../../ui/error-alert.tsx';
import { useConflictMerge } from '../../ui/use-conflict-merge.ts';
import { fetchMeeting, panelKeys, saveDetermination, type AgendaItem, type Meeting } from './panels.api.ts';

type OptionText = { necessity: string; suitability: string; ruledOutReason: string };
type Determination = NonNullable<NonNullable<AgendaItem['submission']>['determination']>;
/** The determination as this form edits it. */
type DeterminationValues = {
  considered: Partial<Record<CareOption, OptionText>>;
  childViews: string;
  childNotHeardReason: string;
  chosenOption: CareOption | '';
  rationale: string;
  dissentingOpinions: string;
  followUpDate: string | null;
  institutionId: string;
};
const valuesOf = (d: Determination | null): DeterminationValues => ({
  considered: Object.fromEntries((d?.options ?? []).map((o) => [o.option, { necessity: o.necessity, suitability: o.suitability, ruledOutReason: o.ruledOutReason }])),
  childViews: d?.childViews ?? '',
  childNotHeardReason: d?.childNotHeardReason ?? '',
  chosenOption: d?.chosenOption ?? '',
  rationale: d?.rationale ?? '',
  dissentingOpinions: d?.dissentingOpinions ?? '',
  followUpDate: d?.followUpDate ?? null,
  institutionId: d?.institutionId ?? '',
});

/** The labels of the determination's fields (per option considered), for the merge view. */
function determinationLabels(t: TFunction): FieldLabels {
  const option = (o: CareOption) => t(`panels.options.${o}`);
  return {
    ...Object.fromEntries(
      careOptions.flatMap((o) => [
        [`considered.${o}`, t('panels.determination.considered', { option: option(o) })],
        [`considered.${o}.necessity`, t('panels.determination.necessity', { option: option(o) })],
        [`considered.${o}.suitability`, t('panels.determination.suitability', { option: option(o) })],
        [`considered.${o}.ruledOutReason`, t('panels.determination.ruledOut', { option: option(o) })],
      ]),
    ),
    childViews: t('panels.determination.childViews'),
    childNotHeardReason: t('panels.determination.childNotHeard'),
    chosenOption: t('panels.determination.chosen'),
    rationale: t('panels.determination.rationale'),
    dissentingOpinions: t('panels.determination.dissent'),
    followUpDate: t('panels.determination.followUp'),
    institutionId: t('panels.determination.institution'),
  };
}

/** The best-interests determination of a submission on the agenda (SPEC §3): options considered, the child's views, the decision. */
export function DeterminationForm({ meeting, item }: { meeting: Meeting; item: AgendaItem }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const current = item.submission?.determination ?? null;
  const initial = valuesOf(current);
  const [considered, setConsidered] = useState(initial.considered);
  const [childViews, setChildViews] = useState(initial.childViews);
  const [notHeard, setNotHeard] = useState(initial.childNotHeardReason);
  const [chosen, setChosen] = useState<CareOption | ''>(initial.chosenOption);
  const [rationale, setRationale] = useState(initial.rationale);
  const [dissent, setDissent] = useState(initial.dissentingOpinions);
  const [followUp, setFollowUp] = useState<string | null>(initial.followUpDate);
  const [saved, setSaved] = useState(false);
  const [institutionId, setInstitutionId] = useState(initial.institutionId);
  const institutions = useQuery({ queryKey: ['panels', 'institutions'], queryFn: () => fetchInstitutions({}, undefined, 200), enabled: chosen === 'institution' });
  const nowValues = (): DeterminationValues => ({ considered, childViews, childNotHeardReason: notHeard, chosenOption: chosen, rationale, dissentingOpinions: dissent, followUpDate: followUp, institutionId });
  // No lost updates (SPEC §11): after a 409 what both members of the panel changed is shown side by side to choose from.
  const baseRef = useRef<DeterminationValues>(initial);
  const versionRef = useRef<number | null>(current?.version ?? null);
  const conflict = useConflictMerge<DeterminationValues>(
    async () => {
      const fresh = (await fetchMeeting(meeting.id)).items.find((a) => a.id === item.id)?.submission?.determination ?? null;
      return fresh ? { value: valuesOf(fresh), version: fresh.version } : null;
    },
    (value, version, how) => {
      versionRef.current = version;
      setConsidered(value.considered);
      setChildViews(value.childViews);
      setNotHeard(value.childNotHeardReason);
      setChosen(value.chosenOption);
      setRationale(value.rationale);
      setDissent(value.dissentingOpinions);
      setFollowUp(value.followUpDate);
      setInstitutionId(value.institutionId);
      if (how.save) save.mutate(value);
      else {
        baseRef.current = value;
        save.reset();
      }
    },
  );
  const save = useMutation({
    mutationFn: (v: DeterminationValues) =>
      saveDetermination(item.id, {
        options: careOptions.filter((o) => v.considered[o]).map((o) => ({ option: o, ...(v.considered[o] as OptionText) })),
        childViews: v.childViews,
        childNotHeardReason: v.childNotHeardReason,
        chosenOption: (v.chosenOption || careOptions.find((o) => v.considered[o]) || 'family_of_origin_with_support') as CareOption,
        rationale: v.rationale,
        dissentingOpinions: v.dissentingOpinions,
        followUpDate: v.followUpDate,
        institutionId: v.chosenOption === 'institution' && v.institutionId ? v.institutionId : null,
        ...(versionRef.current !== null ? { version: versionRef.current } : {}),
      }),
    onSuccess: (m) => {
      qc.setQueryData(panelKeys.meeting(meeting.id), m);
      const stored = m.items.find((a) => a.id === item.id)?.submission?.determination ?? null;
      if (stored) {
        versionRef.current = stored.version;
        baseRef.current = valuesOf(stored);
      }
      setSaved(true);
    },
    onError: (e, v) => void conflict.onConflict(e, baseRef.current, v),
  });
  const toggle = (o: CareOption, on: boolean) => setConsidered((c) => ({ ...c, [o]: on ? (c[o] ?? { necessity: '', suitability: '', ruledOutReason: '' }) : undefined }));
  const setText = (o: CareOption, k: keyof OptionText, v: string) => setConsidered((c) => ({ ...c, [o]: { ...(c[o] as OptionText), [k]: v } }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate(nowValues());
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
          <ConflictMerge
            conflict={conflict}
            labels={determinationLabels(t)}
            textOf={(c, v) => {
              const field = c.path[c.path.length - 1];
              if (field === 'chosenOption' && typeof v === 'string' && v !== '') return label(v as CareOption);
              if (field === 'institutionId' && typeof v === 'string') return institutions.data?.items.find((i) => i.id === v)?.nameUk ?? (v === '' ? '' : t('panels.determination.institution'));
              return plainText(v, t);
            }}
            onReload={() => void qc.invalidateQueries({ queryKey: panelKeys.meeting(meeting.id) })}
          />
          {save.error && !(isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled)) && (
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
            <Button type="submit" loading={save.isPending} disabled={conflict.active}>
              {t('panels.determination.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
