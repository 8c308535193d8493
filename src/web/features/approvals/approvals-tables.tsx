import { Box, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format.ts';
import { ApprovalStatusBadge, CaseOfApproval, waitingDays } from './approval-labels.tsx';
import type { Approval } from './approvals.api.ts';

type Props = { items: Approval[]; onOpen: (a: Approval) => void };

function ReviewButton({ a, onOpen }: { a: Approval; onOpen: (a: Approval) => void }) {
  const { t } = useTranslation();
  return (
    <Button size="xs" variant={a.status === 'pending' ? 'filled' : 'default'} onClick={() => onOpen(a)} aria-label={t('approvals.reviewFor', { kind: t(`approvals.kind.${a.kind}`), number: a.case.number })}>
      {t('approvals.review')}
    </Button>
  );
}

/** Requests waiting for the supervisor: a table on wide screens, cards on narrow ones. */
export function PendingApprovals({ items, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Box visibleFrom="md" className="table-scroll">
        <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
          <Table.Caption style={{ textAlign: 'left' }}>{t('approvals.pendingCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('approvals.columns.kind')}</Table.Th>
              <Table.Th scope="col">{t('approvals.columns.case')}</Table.Th>
              <Table.Th scope="col">{t('approvals.columns.requestedBy')}</Table.Th>
              <Table.Th scope="col">{t('approvals.columns.requestedAt')}</Table.Th>
              <Table.Th scope="col">{t('approvals.columns.waiting')}</Table.Th>
              <Table.Th scope="col">{t('approvals.columns.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{t(`approvals.kind.${a.kind}`)}</Table.Td>
                <Table.Td>
                  <CaseOfApproval a={a} />
                </Table.Td>
                <Table.Td>{a.requestedBy.name}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.requestedAt)}</Table.Td>
                <Table.Td>{waitingDays(a)}</Table.Td>
                <Table.Td>
                  <ReviewButton a={a} onOpen={onOpen} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <Stack hiddenFrom="md" gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('approvals.pendingCaption')}>
        {items.map((a) => (
          <Paper component="li" key={a.id} withBorder p="sm" radius="md">
            <Stack gap={6} align="flex-start">
              <Text fw={600}>{t(`approvals.kind.${a.kind}`)}</Text>
              <CaseOfApproval a={a} />
              <Text size="sm">
                {a.requestedBy.name} · {formatDate(a.requestedAt)} · {t('approvals.waitingDays', { count: waitingDays(a) })}
              </Text>
              <ReviewButton a={a} onOpen={onOpen} />
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}

/** Requests already decided, with the decision and the comment. */
export function DecidedApprovals({ items, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <Table striped verticalSpacing="sm" captionSide="top" miw={640}>
        <Table.Caption style={{ textAlign: 'left' }}>{t('approvals.decidedCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('approvals.columns.kind')}</Table.Th>
            <Table.Th scope="col">{t('approvals.columns.case')}</Table.Th>
            <Table.Th scope="col">{t('approvals.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('approvals.columns.decidedBy')}</Table.Th>
            <Table.Th scope="col">{t('approvals.columns.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{t(`approvals.kind.${a.kind}`)}</Table.Td>
              <Table.Td>
                <CaseOfApproval a={a} />
                <Text size="xs" c="dimmed">
                  {a.requestedBy.name} · {formatDate(a.requestedAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <ApprovalStatusBadge status={a.status} />
                  {a.comment && (
                    <Text size="sm" className="wrap-anywhere">
                      {t('approvals.mine.comment', { comment: a.comment })}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                {a.decidedBy?.name}
                <Text size="xs" c="dimmed">
                  {formatDate(a.decidedAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <ReviewButton a={a} onOpen={onOpen} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
