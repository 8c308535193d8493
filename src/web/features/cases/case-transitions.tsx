import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStep } from '#domain/cases/workflow.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { CaseSection } from './case-sections.tsx';
import { postTransition, type CaseDetail } from './cases.api.ts';

/** Buttons to move the case, only from `availableTransitions` and only when `case.transition` is allowed; going back asks for a reason. */
export function CaseTransitions({ c, onMoved }: { c: CaseDetail; onMoved: (to: CaseStep) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [backOpen, setBackOpen] = useState(false);
  const [backTo, setBackTo] = useState<CaseStep | ''>('');
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: (req: { to: CaseStep; reason?: string }) => postTransition(c.id, { ...req, version: c.version }),
    onSuccess: async (_res, req) => {
      setBackOpen(false);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onMoved(req.to);
    },
  });
  const reload = () => {
    mutation.reset();
    void queryClient.invalidateQueries({ queryKey: ['cases', 'detail', c.id] });
  };

  if (!c.allowedActions.includes('case.transition')) return null;
  const { forward, back, forwardBlockedBy } = c.availableTransitions;
  if (!forward && back.length === 0) return null;
  const target = backTo || back[back.length - 1] || '';

  return (
    <CaseSection id="transitions-title" title={t('casePage.transitionsTitle')}>
      {mutation.isError && !backOpen && <ErrorAlert error={mutation.error} onReload={reload} />}
      <Group gap="sm" wrap="wrap">
        {forward && (
          <Button
            onClick={() => mutation.mutate({ to: forward })}
            loading={mutation.isPending && !backOpen}
            disabled={!!forwardBlockedBy}
            aria-describedby={forwardBlockedBy ? 'forward-blocked-reason' : undefined}
          >
            {t('casePage.forward', { step: t(`caseStep.${forward}`) })}
          </Button>
        )}
        {back.length > 0 && (
          <Button
            variant="default"
            onClick={() => {
              mutation.reset();
              setBackOpen(true);
            }}
          >
            {t('casePage.back')}
          </Button>
        )}
      </Group>
      {forward && forwardBlockedBy && (
        <Text id="forward-blocked-reason" size="sm" mt="xs">
          {t(`guard.${forwardBlockedBy}` as 'guard.plan_not_agreed', { defaultValue: t('errors.transition_guard_failed') })}
        </Text>
      )}
      <Modal opened={backOpen} onClose={() => setBackOpen(false)} title={t('casePage.back')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!target || !reason.trim()) return;
            mutation.mutate({ to: target, reason: reason.trim() });
          }}
        >
          <Stack>
            {mutation.isError && <ErrorAlert error={mutation.error} onReload={reload} />}
            <NativeSelect
              label={t('casePage.backTo')}
              value={target}
              onChange={(e) => setBackTo(e.currentTarget.value as CaseStep)}
              data={back.map((s) => ({ value: s, label: t(`caseStep.${s}`) }))}
            />
            <Textarea
              label={t('casePage.backReason')}
              description={t('casePage.backReasonHint')}
              required
              autosize
              minRows={3}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setBackOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={!reason.trim()} loading={mutation.isPending}>
                {t('casePage.backConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </CaseSection>
  );
}
