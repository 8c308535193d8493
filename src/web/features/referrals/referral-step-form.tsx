import { Alert, Button, Group, Paper, Select, Stack, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { declineReasons, type DeclineReason, type ReferralAction } from '#domain/services/referrals.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { referralStep, type Referral } from './referrals.api.ts';
import { invalidateReferrals } from './referrals.queries.ts';

type Props = { r: Referral; action: ReferralAction; onCancel: () => void; onDone: (r: Referral) => void };

/**
 * One step of a referral with what it carries: a decline reason (no capacity is counted as unmet need) and the
 * provider's feedback to the referring worker, or why the referral is dropped.
 */
export function ReferralStepForm({ r, action, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<DeclineReason | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; note?: string }>({});
  const isProviderSide = r.case === null;
  const mutation = useMutation({
    mutationFn: () => referralStep(r.id, { action, version: r.version, ...(action === 'decline' ? { reasonCode: reason } : {}), note: note.trim() }),
    onSuccess: async (saved) => {
      await invalidateReferrals(queryClient, r.case?.id);
      onDone(saved);
    },
  });
  const submit = () => {
    const next: typeof errors = {};
    if (action === 'decline' && !reason) next.reason = t('referrals.step.reasonRequired');
    if (action === 'drop' && !note.trim()) next.note = t('referrals.step.noteRequired');
    setErrors(next);
    if (Object.keys(next).length === 0) mutation.mutate();
  };
  const noteLabel = action === 'drop' ? t('referrals.step.dropNote') : t('referrals.step.note');
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby={`step-${r.id}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Title order={3} size="h5" id={`step-${r.id}`}>
            {t(`referrals.action.${action}`)}
          </Title>
          {action === 'decline' && (
            <Select
              label={t('referrals.step.reason')}
              data={declineReasons.map((c) => ({ value: c, label: t(`referrals.declineReason.${c}`) }))}
              value={reason}
              onChange={(v) => setReason(v as DeclineReason | null)}
              error={errors.reason}
              required
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {action === 'decline' && reason === 'no_capacity' && (
            <Alert color="blue" variant="light">
              {t('referrals.step.unmetNote')}
            </Alert>
          )}
          {action !== 'send' && (
            <Textarea
              label={noteLabel}
              description={action === 'drop' && !isProviderSide ? undefined : t('referrals.step.noteHint')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.note}
              required={action === 'drop'}
              autosize
              minRows={2}
              maxLength={4000}
            />
          )}
          <ErrorAlert
            error={mutation.error}
            onReload={() => {
              mutation.reset();
              void invalidateReferrals(queryClient, r.case?.id);
            }}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={action === 'decline' || action === 'drop' ? 'red' : undefined} loading={mutation.isPending}>
              {t(`referrals.action.${action}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
