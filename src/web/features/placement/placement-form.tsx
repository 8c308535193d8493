import { Alert, NativeSelect, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { careTypes, institutionSubordinations, institutionTypes, type CareType, type InstitutionSubordination, type InstitutionType } from '#domain/cases/care-episodes.ts';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import { UnsavedChangesGuard } from '../../ui/unsaved-changes-guard.tsx';
import { DateField } from '../safety/date-fields.tsx';
import { linkEpisodeInstitution, recordCareEpisode, type CareEpisode, type RegisterInstitution } from './care.api.ts';
import { InstitutionPicker } from './institution-picker.tsx';
import { InlineFormActions } from '../../ui/form-actions.tsx';

type Draft = {
  careType: CareType | '';
  institutionType: InstitutionType | '';
  institutionSubordination: InstitutionSubordination | '';
  institutionName: string;
  startDate: string | null;
  endDate: string | null;
  reason: string;
  decidingAuthority: string;
  decisionNumber: string;
  decisionDate: string | null;
};
const empty = (): Draft => ({ careType: '', institutionType: '', institutionSubordination: '', institutionName: '', startDate: todayInKyiv(), endDate: null, reason: '', decidingAuthority: '', decisionNumber: '', decisionDate: null });

/**
 * Records a new placement (care arrangement) of a child. The API ends the current episode the day before the new one
 * starts (decision 008); the form says so, naming the current arrangement.
 */
export function PlacementForm({ caseId, hromadaId, childId, childName, current, onDone, onCancel }: { caseId: string; hromadaId: string; childId: string; childName: string; current: CareEpisode | undefined; onDone: (endedOn: string | null) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(empty);
  const [touched, setTouched] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [picked, setPicked] = useState<RegisterInstitution | null>(null);
  // The episode once created: a retry after a failed link only links, it does not record the placement twice.
  const created = useRef<Awaited<ReturnType<typeof recordCareEpisode>> | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const res =
        created.current ??
        (await recordCareEpisode(caseId, {
        personId: childId,
        careType: d.careType as CareType,
        institutionType: d.careType === 'institution' && d.institutionType ? d.institutionType : null,
        institutionSubordination: d.careType === 'institution' && d.institutionSubordination ? d.institutionSubordination : null,
        institutionName: d.careType === 'institution' ? d.institutionName : '',
        startDate: d.startDate ?? '',
        endDate: d.endDate,
        reason: d.reason,
        decidingAuthority: d.decidingAuthority,
        decisionNumber: d.decisionNumber,
        decisionDate: d.decisionDate,
        }));
      created.current = res;
      if (d.careType === 'institution' && picked) await linkEpisodeInstitution(res.episode.id, { caseId, institutionId: picked.id, version: res.episode.version });
      return res;
    },
    onSuccess: (res) => {
      setTouched(false);
      onDone(res.ended?.endDate ?? null);
    },
  });
  const server = fieldErrorsOf(t, save.error);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setTouched(true);
    setD((x) => ({ ...x, [k]: v }));
  };
  const pick = (i: RegisterInstitution | null) => {
    setTouched(true);
    setPicked(i);
    if (i) setD((x) => ({ ...x, institutionType: i.type, institutionSubordination: i.subordination, institutionName: i.nameUk }));
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const req = t('common.required');
    const errors: Record<string, string> = {};
    if (!d.careType) errors.careType = req;
    if (!d.startDate) errors.startDate = req;
    if (d.careType === 'institution' && !d.institutionType) errors.institutionType = req;
    if (d.careType === 'institution' && !d.institutionSubordination) errors.institutionSubordination = req;
    setLocal(errors);
    if (Object.keys(errors).length === 0) save.mutate();
  };
  const err = (k: string) => local[k] ?? server[k];
  const titleId = `placement-form-${childId}`;
  return (
    <Paper withBorder p="sm" radius="sm" component="form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <UnsavedChangesGuard shouldBlock={() => touched} />
      <Stack gap="sm">
        <Title order={4} size="h5" id={titleId}>
          {t('care.formTitle')} — {childName}
        </Title>
        <Alert color="blue" variant="light">
          {current ? t('care.closesCurrent', { type: t(`care.careType.${current.careType}`), date: formatDate(current.startDate) }) : t('care.closesNothing')}
        </Alert>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('care.fields.careType')}
            required
            error={err('careType')}
            value={d.careType}
            data={[{ value: '', label: t('care.fields.choose'), disabled: true }, ...careTypes.map((c) => ({ value: c, label: t(`care.careType.${c}`) }))]}
            onChange={(e) => set('careType', e.currentTarget.value as CareType)}
          />
          <DateField label={t('care.fields.startDate')} required error={err('startDate')} value={d.startDate} onChange={(v) => set('startDate', v)} />
        </SimpleGrid>
        {d.careType === 'institution' && <InstitutionPicker hromadaId={hromadaId} value={picked} onChange={pick} />}
        {d.careType === 'institution' && (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NativeSelect
              label={t('care.fields.institutionType')}
              required
              error={err('institutionType')}
              value={d.institutionType}
              data={[{ value: '', label: t('care.fields.choose'), disabled: true }, ...institutionTypes.map((c) => ({ value: c, label: t(`care.institutionType.${c}`) }))]}
              onChange={(e) => set('institutionType', e.currentTarget.value as InstitutionType)}
            />
            <NativeSelect
              label={t('care.fields.institutionSubordination')}
              required
              error={err('institutionSubordination')}
              value={d.institutionSubordination}
              data={[{ value: '', label: t('care.fields.choose'), disabled: true }, ...institutionSubordinations.map((c) => ({ value: c, label: t(`care.subordination.${c}`) }))]}
              onChange={(e) => set('institutionSubordination', e.currentTarget.value as InstitutionSubordination)}
            />
            <TextInput label={t('care.fields.institutionName')} value={d.institutionName} onChange={(e) => set('institutionName', e.currentTarget.value)} />
          </SimpleGrid>
        )}
        <Textarea label={t('care.fields.reason')} autosize minRows={2} value={d.reason} onChange={(e) => set('reason', e.currentTarget.value)} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t('care.fields.decidingAuthority')} description={t('care.fields.decidingAuthorityHint')} value={d.decidingAuthority} onChange={(e) => set('decidingAuthority', e.currentTarget.value)} />
          <TextInput label={t('care.fields.decisionNumber')} value={d.decisionNumber} onChange={(e) => set('decisionNumber', e.currentTarget.value)} />
          <DateField label={t('care.fields.decisionDate')} error={err('decisionDate')} value={d.decisionDate} onChange={(v) => set('decisionDate', v)} />
        </SimpleGrid>
        <DateField label={t('care.fields.endDate')} description={t('care.fields.endDateHint')} error={err('endDate')} value={d.endDate} onChange={(v) => set('endDate', v)} />
        {save.error && <ErrorAlert error={save.error} />}
        <InlineFormActions onCancel={onCancel} pending={save.isPending} />
      </Stack>
    </Paper>
  );
}
