import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { hasRole, useMe } from '../auth/auth.queries.ts';
import { ApprovalStatusBadge, CaseOfApproval } from './approval-labels.tsx';
import { approvalsQuery, pendingCountQuery } from './approvals.queries.ts';

const shownAtFirst = 5;

/**
 * «Відповіді супервізора» on the worklist: the user's own approval requests, newest first — waiting, approved, or
 * returned with the supervisor's comment. Nothing is shown to someone who never asked.
 */
export function MyApprovalRequests() {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const query = useInfiniteQuery(approvalsQuery({ scope: 'mine', status: 'all' }));
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  if (items.length === 0) return null;
  const shown = all ? items : items.slice(0, shownAtFirst);
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="my-approval-requests">
      <Title order={2} size="h4" id="my-approval-requests" mb="xs">
        {t('approvals.mine.heading')}
      </Title>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('approvals.mine.caption')}>
        {shown.map((a) => (
          <li key={a.id}>
            <Group gap="xs" wrap="wrap" align="center">
              <ApprovalStatusBadge status={a.status} />
              <Text size="sm" fw={600}>
                {t(`approvals.kind.${a.kind}`)}
              </Text>
              <CaseOfApproval a={a} />
              <Text size="xs" c="dimmed">
                {t('approvals.mine.sentOn', { date: formatDate(a.requestedAt) })}
                {a.decidedAt ? ` · ${t('approvals.mine.decidedOn', { date: formatDate(a.decidedAt) })}` : ''}
              </Text>
            </Group>
            {a.comment && (
              <Text size="sm" pl="xs" className="wrap-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
                {t('approvals.mine.comment', { comment: a.comment })}
              </Text>
            )}
          </li>
        ))}
      </Stack>
      {!all && items.length > shownAtFirst ? (
        <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => setAll(true)}>
          {t('approvals.mine.showAll')}
        </Button>
      ) : all && query.hasNextPage ? (
        <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Paper>
  );
}

/** «Чекає на ваше погодження: N» on a supervisor's worklist, linking to the queue. */
export function PendingApprovalsNotice() {
  const { t } = useTranslation();
  const me = useMe();
  const isSupervisor = hasRole(me, 'supervisor');
  const query = useQuery({ ...pendingCountQuery, enabled: isSupervisor });
  if (!isSupervisor || !query.data || query.data.count === 0) return null;
  const count = query.data.more ? `${query.data.count}+` : String(query.data.count);
  return (
    <Alert color="yellow" variant="light" p="sm">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('approvals.waitingForYou', { n: count })}
        </Text>
        <AnchorLink to="/approvals" size="sm">
          {t('approvals.openQueue')}
        </AnchorLink>
      </Group>
    </Alert>
  );
}
