import { Alert, Button, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ModalFormActions } from '../../ui/form-actions.tsx';
import type { TeamWorker } from '../supervision/supervision.api.ts';
import { fetchReassignCandidates, reassignCase } from './workforce.api.ts';

const minReason = 5;

function ReassignForm({ worker, onClose }: { worker: TeamWorker; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [caseId, setCaseId] = useState<string | null>(worker.openCaseItems[0]?.caseId ?? null);
  const [toUserId, setTo] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const candidates = useQuery({ queryKey: ['workforce', 'candidates', caseId], queryFn: () => fetchReassignCandidates(caseId as string), enabled: caseId !== null });
  const chosen = worker.openCaseItems.find((c) => c.caseId === caseId);
  const save = useMutation({
    mutationFn: () => reassignCase(caseId as string, { toUserId: toUserId as string, reason: reason.trim(), version: chosen?.version ?? 0 }),
    onSuccess: async () => {
      setDone(chosen?.caseNumber ?? '');
      await queryClient.invalidateQueries({ queryKey: ['supervision', 'team'] });
    },
  });
  if (done !== null) {
    return (
      <Stack gap="sm">
        <Alert color="green" role="status">
          {t('workforce.team.done', { number: done })}
        </Alert>
        <Button onClick={onClose} data-autofocus>
          {t('common.close')}
        </Button>
      </Stack>
    );
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim().length < minReason) {
          setTooShort(true);
          return;
        }
        if (caseId && toUserId) save.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('workforce.team.reassignIntro')}</Text>
        <Select
          label={t('workforce.team.caseLabel')}
          required
          data={worker.openCaseItems.map((c) => ({ value: c.caseId, label: `${c.caseNumber} — ${c.title}` }))}
          value={caseId}
          onChange={(v) => {
            setCaseId(v);
            setTo(null);
          }}
          allowDeselect={false}
          searchable
        />
        {candidates.error && <ErrorAlert error={candidates.error} />}
        {candidates.data && candidates.data.items.length === 0 ? (
          <Text size="sm">{t('workforce.team.noCandidates')}</Text>
        ) : (
          <Select
            label={t('workforce.team.toLabel')}
            required
            data={(candidates.data?.items ?? []).map((c) => ({ value: c.id, label: t('workforce.team.candidate', { name: c.name, percent: c.caseloadPercent.toLocaleString('uk-UA') }) }))}
            value={toUserId}
            onChange={setTo}
            allowDeselect={false}
          />
        )}
        <Textarea
          label={t('workforce.team.reasonLabel')}
          description={t('workforce.team.reasonDescription')}
          required
          autosize
          minRows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            if (tooShort && e.currentTarget.value.trim().length >= minReason) setTooShort(false);
          }}
          error={tooShort ? t('workforce.team.reasonTooShort') : undefined}
        />
        {save.error && <ErrorAlert error={save.error} />}
        <ModalFormActions onCancel={onClose} pending={save.isPending} submitLabel={t('workforce.team.submit')} />
      </Stack>
    </form>
  );
}

/** The supervisor's button to reassign one of a worker's open cases, with a required reason (SPEC §7). */
export function ReassignButton({ worker }: { worker: TeamWorker }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (worker.openCaseItems.length === 0) return null;
  return (
    <>
      <div>
        <Button variant="outline" size="sm" onClick={() => setOpen(true)} aria-label={`${t('workforce.team.reassign')}: ${worker.name}`}>
          {t('workforce.team.reassign')}
        </Button>
      </div>
      {open && (
        <Modal opened onClose={() => setOpen(false)} title={t('workforce.team.reassignTitle')} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
          <ReassignForm worker={worker} onClose={() => setOpen(false)} />
        </Modal>
      )}
    </>
  );
}
