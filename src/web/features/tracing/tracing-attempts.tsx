import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tracingMethods, tracingOutcomes, type TracingMethod, type TracingOutcome } from '#domain/cases/family-tracing.ts';
import { RecordsTable } from '../../ui/records-table.tsx';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import { UnsavedChangesGuard } from '../../ui/unsaved-changes-guard.tsx';
import { CaseSection } from '../cases/case-sections.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import { formatFullName } from '../persons/person-name.ts';
import { DateField } from '../safety/date-fields.tsx';
import { recordTracingAttempt, type TracingAttempt } from './tracing.api.ts';
import { tracingAttemptsQuery } from './tracing.queries.ts';
import { InlineFormActions } from '../../ui/form-actions.tsx';

const outcomeColour: Record<TracingOutcome, string> = { found: 'green', lead: 'blue', not_found: 'gray', refused_contact: 'orange' };

/** A tracing outcome as a badge. */
export function OutcomeBadge({ outcome }: { outcome: TracingOutcome }) {
  const { t } = useTranslation();
  return <Badge variant="light" color={outcomeColour[outcome]}>{t(`tracing.outcome.${outcome}`)}</Badge>;
}

type Draft = { soughtName: string; soughtRelation: string; method: TracingMethod | ''; attemptedOn: string | null; outcome: TracingOutcome | ''; notes: string };
const empty = (): Draft => ({ soughtName: '', soughtRelation: '', method: '', attemptedOn: todayInKyiv(), outcome: '', notes: '' });

function AttemptForm({ caseId, onDone, onCancel }: { caseId: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [d, setD] = useState<Draft>(empty);
  const [touched, setTouched] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => recordTracingAttempt(caseId, { soughtName: d.soughtName, soughtRelation: d.soughtRelation, method: d.method as TracingMethod, attemptedOn: d.attemptedOn ?? '', outcome: d.outcome as TracingOutcome, notes: d.notes }),
    onSuccess: async () => {
      setTouched(false);
      await Promise.all([queryClient.invalidateQueries({ queryKey: tracingAttemptsQuery(caseId).queryKey }), queryClient.invalidateQueries({ queryKey: caseQuery(caseId).queryKey })]);
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
    const errors: Record<string, string> = {};
    if (!d.soughtName.trim()) errors.soughtName = t('common.required');
    if (!d.method) errors.method = t('common.required');
    if (!d.outcome) errors.outcome = t('common.required');
    if (!d.attemptedOn) errors.attemptedOn = t('common.required');
    setLocal(errors);
    if (Object.keys(errors).length === 0) save.mutate();
  };
  const err = (k: string) => local[k] ?? server[k];
  return (
    <Paper withBorder p="sm" radius="sm" component="form" onSubmit={submit} noValidate aria-labelledby="attempt-form-title">
      <UnsavedChangesGuard shouldBlock={() => touched} />
      <Stack gap="sm">
        <Title order={3} size="h5" id="attempt-form-title">{t('tracing.attemptFormTitle')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('tracing.fields.soughtName')} required error={err('soughtName')} value={d.soughtName} onChange={(e) => set('soughtName', e.currentTarget.value)} />
          <TextInput label={t('tracing.fields.soughtRelation')} value={d.soughtRelation} onChange={(e) => set('soughtRelation', e.currentTarget.value)} />
          <NativeSelect
            label={t('tracing.fields.method')}
            required
            error={err('method')}
            value={d.method}
            data={[{ value: '', label: '—', disabled: true }, ...tracingMethods.map((m) => ({ value: m, label: t(`tracing.method.${m}`) }))]}
            onChange={(e) => set('method', e.currentTarget.value as TracingMethod)}
          />
          <DateField label={t('tracing.fields.attemptedOn')} required error={err('attemptedOn')} value={d.attemptedOn} onChange={(v) => set('attemptedOn', v)} />
          <NativeSelect
            label={t('tracing.fields.outcome')}
            required
            error={err('outcome')}
            value={d.outcome}
            data={[{ value: '', label: '—', disabled: true }, ...tracingOutcomes.map((m) => ({ value: m, label: t(`tracing.outcome.${m}`) }))]}
            onChange={(e) => set('outcome', e.currentTarget.value as TracingOutcome)}
          />
        </SimpleGrid>
        <Textarea label={t('tracing.fields.notes')} autosize minRows={2} value={d.notes} onChange={(e) => set('notes', e.currentTarget.value)} />
        {save.error && <ErrorAlert error={save.error} />}
        <InlineFormActions onCancel={onCancel} pending={save.isPending} />
      </Stack>
    </Paper>
  );
}

const soughtOf = (a: TracingAttempt) => (a.soughtPerson ? formatFullName(a.soughtPerson) : a.soughtName);

/** Tracing attempts (date, who was sought, method, outcome, notes), newest first, and the form to record one (SPEC §2.7). */
export function TracingAttempts({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const q = useQuery(tracingAttemptsQuery(c.id));
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState(false);
  const mayAdd = c.allowedActions.includes('needs_assessment.edit') && c.status === 'open';
  const items = q.data?.items ?? [];
  return (
    <CaseSection id="attempts-title" title={t('tracing.attemptsTitle')} intro={t('tracing.intro')}>
      {q.error && <ErrorAlert error={q.error} />}
      <RecordsTable
        caption={t('tracing.attemptsCaption')}
        rows={q.data ? items : undefined}
        rowKey={(a) => a.id}
        empty={t('tracing.attemptsEmpty')}
        columns={[
          { key: 'date', header: t('tracing.columns.date'), nowrap: true, cell: (a) => formatDate(a.attemptedOn) },
          {
            key: 'sought',
            header: t('tracing.columns.sought'),
            cell: (a) => (
              <>
                <Text size="sm">{soughtOf(a)}</Text>
                {a.soughtRelation && <Text size="xs" c="dimmed">{a.soughtRelation}</Text>}
              </>
            ),
          },
          { key: 'method', header: t('tracing.columns.method'), cell: (a) => t(`tracing.method.${a.method}`) },
          { key: 'outcome', header: t('tracing.columns.outcome'), cell: (a) => <OutcomeBadge outcome={a.outcome} /> },
          {
            key: 'notes',
            header: t('tracing.columns.notes'),
            cell: (a) => (
              <>
                <Text size="sm" className="prewrap">{a.notes || t('common.none')}</Text>
                <Text size="xs" c="dimmed">{t('tracing.columns.recordedBy')}: {a.recordedBy.name}</Text>
              </>
            ),
          },
        ]}
      />
      {notice && <Text size="sm" c="green.9" role="status">{t('tracing.attemptSaved')}</Text>}
      {mayAdd &&
        (open ? (
          <AttemptForm
            caseId={c.id}
            onCancel={() => setOpen(false)}
            onDone={() => {
              setOpen(false);
              setNotice(true);
            }}
          />
        ) : (
          <Group>
            <Button variant="default" onClick={() => { setNotice(false); setOpen(true); }}>{t('tracing.addAttempt')}</Button>
          </Group>
        ))}
    </CaseSection>
  );
}
