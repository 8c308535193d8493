import { Alert, Button, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ModalFormActions } from '../../ui/form-actions.tsx';
import { emergencyReasonMinLength } from '#contracts/emergency-access.contract.ts';
import { mayBreakGlass } from '#domain/access/case-policy.ts';
import { actorOf, useMe } from '../auth/auth.queries.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import { requestEmergencyAccess } from './emergency-access.api.ts';

/** Minimum length of the stated reason, the same constant the server checks. */
const minReason = emergencyReasonMinLength;

function ReasonDialog({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const grant = useMutation({
    mutationFn: () => requestEmergencyAccess(caseId, reason.trim()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseQuery(caseId).queryKey });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('emergencyAccess.dialogTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim().length < minReason) {
            setTooShort(true);
            return;
          }
          grant.mutate();
        }}
      >
        <Stack gap="sm">
          <Alert color="red" variant="light">
            {t('emergencyAccess.warning')}
          </Alert>
          <Textarea
            label={t('emergencyAccess.reasonLabel')}
            description={t('emergencyAccess.reasonDescription')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              if (tooShort && e.currentTarget.value.trim().length >= minReason) setTooShort(false);
            }}
            error={tooShort ? t('emergencyAccess.reasonTooShort') : undefined}
            data-autofocus
          />
          {grant.error && <ErrorAlert error={grant.error} />}
          <ModalFormActions onCancel={onClose} pending={grant.isPending} submitLabel={t('emergencyAccess.submit')} />
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Under the not-found page of a case address: staff who work with children's cases may open the case in an emergency,
 * read-only and for a limited time, with a stated reason (SPEC §11). Others see nothing more than "not found".
 */
export function EmergencyAccessOffer({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState(false);
  // The server decides; the domain's rule only hides the offer from those it would refuse.
  if (!mayBreakGlass(actorOf(me))) return null;
  return (
    <Paper withBorder p="lg" maw={640} component="section" aria-labelledby="emergency-access-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="emergency-access-heading">
          {t('emergencyAccess.offerHeading')}
        </Title>
        <Text size="sm">{t('emergencyAccess.offerText')}</Text>
        <div>
          <Button color="red" variant="outline" onClick={() => setOpen(true)}>
            {t('emergencyAccess.button')}
          </Button>
        </div>
      </Stack>
      {open && <ReasonDialog caseId={caseId} onClose={() => setOpen(false)} />}
    </Paper>
  );
}
