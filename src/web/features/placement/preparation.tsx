import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { preparationActivityKinds, type PreparationActivityKind } from '#domain/cases/reunification.ts';
import { RecordsTable } from '../../ui/records-table.tsx';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import { UnsavedChangesGuard } from '../../ui/unsaved-changes-guard.tsx';
import { CaseSection } from '../cases/case-sections.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import { formatFullName, sortBySurname } from '../persons/person-name.ts';
import { DateField } from '../safety/date-fields.tsx';
import { recordPreparationActivity } from './care.api.ts';
import { preparationQuery } from './care.queries.ts';
import { InlineFormActions } from '../../ui/form-actions.tsx';
import { caseChildren } from '../cases/case-title.ts';

type Draft = { activityDate: string | null; kind: PreparationActivityKind | ''; description: string; childPersonId: string; conductedBy: string; notes: string };

function PreparationForm({ c, onDone, onCancel }: { c: CaseDetail; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const children = sortBySurname(caseChildren(c));
  const [d, setD] = useState<Draft>({ activityDate: todayInKyiv(), kind: '', description: '', childPersonId: '', conductedBy: '', notes: '' });
  const [touched, setTouched] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => recordPreparationActivity(c.id, { activityDate: d.activityDate ?? '', kind: d.kind as PreparationActivityKind, description: d.description, childPersonId: d.childPersonId || null, conductedBy: d.conductedBy, notes: d.notes }),
    onSuccess: async () => {
      setTouched(false);
      await Promise.all([queryClient.invalidateQueries({ queryKey: preparationQuery(c.id).queryKey }), queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey })]);
      onDone();
    },
  });
  const server = fieldErrorsOf(t, save.error);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setTouched(true);
    setD((x) => ({ ...x, [k]: v }));
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const req = t('common.required');
    const errors: Record<string, string> = {};
    if (!d.activityDate) errors.activityDate = req;
    if (!d.kind) errors.kind = req;
    if (d.kind === 'other' && !d.description.trim()) errors.description = req;
    if (!d.conductedBy.trim()) errors.conductedBy = req;
    setLocal(errors);
    if (Object.keys(errors).length === 0) save.mutate();
  };
  const err = (k: string) => local[k] ?? server[k];
  return (
    <Paper withBorder p="sm" radius="sm" component="form" onSubmit={submit} noValidate aria-labelledby="prep-form-title">
      <UnsavedChangesGuard shouldBlock={() => touched} />
      <Stack gap="sm">
        <Title order={3} size="h5" id="prep-form-title">{t('care.prep.formTitle')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField label={t('care.prep.fields.activityDate')} required error={err('activityDate')} value={d.activityDate} onChange={(v) => set('activityDate', v)} />
          <NativeSelect
            label={t('care.prep.fields.kind')}
            required
            error={err('kind')}
            value={d.kind}
            data={[{ value: '', label: t('care.fields.choose'), disabled: true }, ...preparationActivityKinds.map((k) => ({ value: k, label: t(`care.prep.kind.${k}`) }))]}
            onChange={(e) => set('kind', e.currentTarget.value as PreparationActivityKind)}
          />
          <NativeSelect
            label={t('care.prep.fields.child')}
            value={d.childPersonId}
            data={[{ value: '', label: t('care.prep.wholeFamily') }, ...children.map((m) => ({ value: m.personId, label: formatFullName(m) }))]}
            onChange={(e) => set('childPersonId', e.currentTarget.value)}
          />
          <TextInput label={t('care.prep.fields.conductedBy')} required error={err('conductedBy')} value={d.conductedBy} onChange={(e) => set('conductedBy', e.currentTarget.value)} />
        </SimpleGrid>
        <Textarea label={t('care.prep.fields.description')} description={t('care.prep.fields.descriptionHint')} required={d.kind === 'other'} error={err('description')} autosize minRows={2} value={d.description} onChange={(e) => set('description', e.currentTarget.value)} />
        <Textarea label={t('care.prep.fields.notes')} autosize minRows={2} value={d.notes} onChange={(e) => set('notes', e.currentTarget.value)} />
        {save.error && <ErrorAlert error={save.error} />}
        <InlineFormActions onCancel={onCancel} pending={save.isPending} />
      </Stack>
    </Paper>
  );
}

/** Preparation of the child and family for reunification or placement: activities done, newest first, and the form (SPEC §2.10). */
export function PreparationSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const q = useQuery(preparationQuery(c.id));
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState(false);
  const items = q.data?.items ?? [];
  const mayAdd = (q.data?.allowedActions ?? []).includes('create') && c.status === 'open';
  return (
    <CaseSection id="prep-title" title={t('care.prep.title')} intro={t('care.prep.intro')}>
      {q.error && <ErrorAlert error={q.error} />}
      <RecordsTable
        caption={t('care.prep.caption')}
        rows={q.data ? items : undefined}
        rowKey={(a) => a.id}
        empty={t('care.prep.empty')}
        columns={[
          { key: 'date', header: t('care.prep.columns.date'), nowrap: true, cell: (a) => formatDate(a.activityDate) },
          {
            key: 'activity',
            header: t('care.prep.columns.activity'),
            cell: (a) => (
              <>
                <Text size="sm" fw={600}>{t(`care.prep.kind.${a.kind}`)}</Text>
                {a.description && <Text size="sm" className="prewrap">{a.description}</Text>}
              </>
            ),
          },
          { key: 'child', header: t('care.prep.columns.child'), cell: (a) => (a.child ? formatFullName(a.child) : t('care.prep.wholeFamily')) },
          { key: 'who', header: t('care.prep.columns.who'), cell: (a) => a.conductedBy },
          { key: 'notes', header: t('care.prep.columns.notes'), cell: (a) => <Text size="sm" className="prewrap">{a.notes || t('common.none')}</Text> },
        ]}
      />
      {notice && <Text size="sm" c="green.9" role="status">{t('care.prep.saved')}</Text>}
      {mayAdd &&
        (open ? (
          <PreparationForm c={c} onCancel={() => setOpen(false)} onDone={() => { setOpen(false); setNotice(true); }} />
        ) : (
          <Group>
            <Button variant="default" onClick={() => { setNotice(false); setOpen(true); }}>{t('care.prep.add')}</Button>
          </Group>
        ))}
    </CaseSection>
  );
}
