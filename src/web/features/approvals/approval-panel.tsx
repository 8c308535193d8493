import { Alert, Button, Divider, Drawer, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { ButtonLink } from '../../ui/links.tsx';
import { caseQuery } from '../cases/cases.queries.ts';
import { ApprovalStatusBadge, CaseOfApproval } from './approval-labels.tsx';
import { postDecision, type Approval } from './approvals.api.ts';
import { approvalsKey } from './approvals.queries.ts';
import { ClosureSummary } from './closure-summary.tsx';

type Props = { approval: Approval | null; onClose: () => void; onDecided: (a: Approval) => void };

function DecisionForm({ approval, onDecided }: { approval: Approval; onDecided: (a: Approval) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (decision: 'approve' | 'return') => postDecision(approval.id, { decision, comment: comment.trim(), version: approval.version }),
    onSuccess: async (decided) => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: approvalsKey }), queryClient.invalidateQueries({ queryKey: caseQuery(approval.case.id).queryKey })]);
      onDecided(decided);
    },
  });
  const decide = (decision: 'approve' | 'return') => {
    if (decision === 'return' && !comment.trim()) {
      setCommentError(t('approvals.decision.commentRequired'));
      return;
    }
    setCommentError(null);
    mutation.mutate(decision);
  };
  return (
    <Stack gap="sm">
      <Textarea
        label={t('approvals.decision.comment')}
        description={t('approvals.decision.commentHint')}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        error={commentError}
        autosize
        minRows={3}
        maxLength={4000}
      />
      <ErrorAlert error={mutation.error} onReload={() => void queryClient.invalidateQueries({ queryKey: approvalsKey })} />
      <Group gap="sm" wrap="wrap">
        <Button color="green" onClick={() => decide('approve')} loading={mutation.isPending && mutation.variables === 'approve'} disabled={mutation.isPending}>
          {t('approvals.decision.approve')}
        </Button>
        <Button color="orange" variant="light" onClick={() => decide('return')} loading={mutation.isPending && mutation.variables === 'return'} disabled={mutation.isPending}>
          {t('approvals.decision.return')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The request under review: what is to be approved, and the supervisor's decision. */
export function ApprovalPanel({ approval, onClose, onDecided }: Props) {
  const { t } = useTranslation();
  const kind = approval ? t(`approvals.kind.${approval.kind}`) : '';
  return (
    <Drawer
      opened={approval !== null}
      onClose={onClose}
      position="right"
      size={760}
      title={approval ? t('approvals.panelTitle', { kind, number: approval.case.number }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {approval && (
        <Stack gap="md">
          <Stack gap={4}>
            <CaseOfApproval a={approval} />
            <Text size="sm">{t('approvals.requestedLine', { name: approval.requestedBy.name, date: formatDateTime(approval.requestedAt) })}</Text>
            <Text size="sm">{t('approvals.caseManagerLine', { name: approval.case.caseManager.name })}</Text>
            <div>
              <ApprovalStatusBadge status={approval.status} />
            </div>
          </Stack>
          {approval.kind === 'plan' ? (
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('approvals.plan.what')}</Text>
              <ButtonLink to="/cases/$caseId/plans/$planId" params={{ caseId: approval.case.id, planId: approval.subjectId }} variant="light">
                {t('approvals.plan.open')}
              </ButtonLink>
            </Stack>
          ) : (
            <ClosureSummary caseId={approval.case.id} closureRequestId={approval.subjectId} />
          )}
          <Divider />
          <section>
            <Title order={3} size="h5" mb="xs">
              {t('approvals.decision.heading')}
            </Title>
            {approval.status !== 'pending' ? (
              <Stack gap={4}>
                <Text size="sm">
                  {t('approvals.decision.decidedBy', { status: t(`approvals.status.${approval.status}`), name: approval.decidedBy?.name ?? '', date: formatDate(approval.decidedAt) })}
                </Text>
                {approval.comment && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{t('approvals.mine.comment', { comment: approval.comment })}</Text>}
              </Stack>
            ) : approval.allowedActions.includes('decide') ? (
              <DecisionForm key={approval.id} approval={approval} onDecided={onDecided} />
            ) : (
              <Alert color="gray">{t('approvals.decision.notYours')}</Alert>
            )}
          </section>
        </Stack>
      )}
    </Drawer>
  );
}
