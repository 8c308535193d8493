import { Badge, Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followUpOutcomes, type FollowUpOutcome } from '#domain/cases/follow-up.ts';
import { isApiError } from '../../ui/api-client.ts';
import { ConflictChoice, plainText } from '../../ui/conflict-merge.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useConflictMerge } from '../../ui/use-conflict-merge.ts';
import { ModalFormActions } from '../../ui/form-actions.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import { RecordsTable } from '../../ui/records-table.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { CaseSection } from '../cases/case-sections.tsx';
import { caseQuery } from '../cases/cases.queries.ts';
import { DateField } from '../implementation/case-form-page.tsx';
import { recordFollowUp, scheduleFollowUp, type FollowUpsList } from './closure.api.ts';
import { followUpsQuery } from './closure.queries.ts';

type Visit = FollowUpsList['items'][number];
/** What recording a visit sets (empty while it is planned). */
type VisitRecord = { doneOn: string | null; outcome: FollowUpOutcome | null; notes: string };
const recordOf = (v: Visit): VisitRecord => ({ doneOn: v.doneOn, outcome: v.outcome, notes: v.notes });

function RecordModal({ c, visit, onClose }: { c: CaseDetail; visit: Visit; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [doneOn, setDoneOn] = useState(todayInKyiv());
  const [outcome, setOutcome] = useState<FollowUpOutcome>('family_care_stable');
  const [notes, setNotes] = useState('');
  // No lost updates (SPEC §11): when the visit changed meanwhile (still planned) this record is merged with it and
  // saved on its current version; when it differs, both are shown — keep mine or take theirs.
  const baseRef = useRef<VisitRecord>(recordOf(visit));
  const versionRef = useRef(visit.version);
  const conflict = useConflictMerge<VisitRecord>(
    async () => {
      const list = await queryClient.fetchQuery({ ...followUpsQuery(c.id), staleTime: 0 });
      const fresh = list.items.find((v) => v.id === visit.id);
      return fresh && fresh.status === 'planned' ? { value: recordOf(fresh), version: fresh.version } : null;
    },
    (value, version, how) => {
      versionRef.current = version;
      if (value.doneOn) setDoneOn(value.doneOn);
      if (value.outcome) setOutcome(value.outcome);
      setNotes(value.notes);
      if (how.save) save.mutate(value);
      else {
        baseRef.current = value;
        save.reset();
      }
    },
  );
  const save = useMutation({
    mutationFn: (r: VisitRecord) => recordFollowUp(c.id, visit.id, { version: versionRef.current, doneOn: r.doneOn ?? doneOn, outcome: r.outcome ?? outcome, notes: r.notes }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey });
      onClose();
    },
    onError: (e, r) => void conflict.onConflict(e, baseRef.current, r),
  });
  const reload = async () => {
    const list = await queryClient.fetchQuery({ ...followUpsQuery(c.id), staleTime: 0 });
    const fresh = list.items.find((v) => v.id === visit.id);
    if (fresh) versionRef.current = fresh.version;
    save.reset();
  };
  return (
    <Modal opened onClose={onClose} title={t('followUp.recordTitle', { date: formatDate(visit.dueDate) })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ doneOn, outcome, notes });
        }}
        noValidate
      >
        <Stack gap="sm">
          <DateField label={t('followUp.doneOn')} value={doneOn} onChange={setDoneOn} maxDate={todayInKyiv()} required maw={240} />
          <NativeSelect label={t('followUp.outcome')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as FollowUpOutcome)} data={followUpOutcomes.map((o) => ({ value: o, label: t(`followUp.outcomes.${o}`) }))} />
          {outcome === 'case_reopened' && <Text size="sm" c="orange.9">{t('followUp.reopenWarning')}</Text>}
          <Textarea label={t('followUp.notes')} required={outcome !== 'family_care_stable'} autosize minRows={3} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          <ConflictChoice
            conflict={conflict}
            labels={{ doneOn: t('followUp.doneOn'), outcome: t('followUp.outcome'), notes: t('followUp.notes') }}
            textOf={(cf, v) => (cf.path[cf.path.length - 1] === 'outcome' && typeof v === 'string' ? t(`followUp.outcomes.${v as FollowUpOutcome}`) : plainText(v, t))}
            onReload={onClose}
          />
          <ErrorAlert error={isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled) ? null : save.error} onReload={() => void reload()} />
          <ModalFormActions onCancel={onClose} pending={save.isPending} submitLabel={t('followUp.save')} />
        </Stack>
      </form>
    </Modal>
  );
}

function ScheduleModal({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [dueDate, setDueDate] = useState('');
  const save = useMutation({
    mutationFn: () => scheduleFollowUp(c.id, dueDate),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('followUp.scheduleTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (dueDate) save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <DateField label={t('followUp.dueDate')} value={dueDate} onChange={setDueDate} minDate={todayInKyiv()} required maw={240} />
          <ErrorAlert error={save.error} />
          <ModalFormActions onCancel={onClose} pending={save.isPending} submitLabel={t('followUp.schedule')} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Post-closure follow-up visits: the scheduled one and, for cases picked at random, an extra one (SPEC §2.14). */
export function FollowUpsSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const list = useQuery(followUpsQuery(c.id));
  const [recording, setRecording] = useState<Visit | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const items = list.data?.items ?? [];
  if (c.status !== 'closed' && items.length === 0) return null;
  const picked = items.some((v) => v.selection === 'random');
  const canRecord = list.data?.allowedActions.includes('record') ?? false;
  return (
    <CaseSection id="followups-title" title={t('followUp.title')}>
      <ErrorAlert error={list.error} />
      {list.data && (
        <Text size="sm">
          {picked ? t('followUp.pickedRandom') : t('followUp.notPicked')}
        </Text>
      )}
      <RecordsTable
        caption={t('followUp.title')}
        rows={list.data ? items : undefined}
        rowKey={(v) => v.id}
        empty={t('followUp.empty')}
        columns={[
          { key: 'due', header: t('followUp.columns.due'), nowrap: true, cell: (v) => formatDate(v.dueDate) },
          { key: 'selection', header: t('followUp.columns.selection'), cell: (v) => t(`followUp.selection.${v.selection}`) },
          {
            key: 'status',
            header: t('followUp.columns.status'),
            cell: (v) => (
              <Badge variant="light" color={v.status === 'done' ? 'green' : v.status === 'planned' ? 'blue' : 'gray'}>
                {t(`followUp.status.${v.status}`)}
              </Badge>
            ),
          },
          {
            key: 'result',
            header: t('followUp.columns.result'),
            cell: (v) =>
              v.status === 'done' && v.outcome ? (
                <Stack gap={2}>
                  <Text size="sm">
                    {formatDate(v.doneOn)} — {t(`followUp.outcomes.${v.outcome}`)}
                  </Text>
                  {v.notes && (
                    <Text size="xs" c="dimmed" className="prewrap">
                      {v.notes}
                    </Text>
                  )}
                </Stack>
              ) : v.status === 'planned' && canRecord && c.status === 'closed' ? (
                <Button size="xs" variant="light" onClick={() => setRecording(v)} aria-label={t('followUp.recordFor', { date: formatDate(v.dueDate) })}>
                  {t('followUp.record')}
                </Button>
              ) : (
                t('common.none')
              ),
          },
        ]}
      />
      {list.data?.allowedActions.includes('schedule') && c.status === 'closed' && (
        <Group>
          <Button variant="subtle" onClick={() => setScheduling(true)}>
            {t('followUp.scheduleExtra')}
          </Button>
        </Group>
      )}
      {recording && <RecordModal c={c} visit={recording} onClose={() => setRecording(null)} />}
      {scheduling && <ScheduleModal c={c} onClose={() => setScheduling(false)} />}
    </CaseSection>
  );
}
