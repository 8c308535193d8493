import { Alert, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApprovalPanel } from '../features/approvals/approval-panel.tsx';
import { DecidedApprovals, PendingApprovals } from '../features/approvals/approvals-tables.tsx';
import type { Approval } from '../features/approvals/approvals.api.ts';
import { approvalsQuery } from '../features/approvals/approvals.queries.ts';
import { hasRole, useMe } from '../features/auth/auth.queries.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

type DecidedFilter = 'approved' | 'returned' | 'all';
const decidedFilters: DecidedFilter[] = ['all', 'approved', 'returned'];

function MoreButton({ query }: { query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Group justify="center">
      <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
        {t('common.loadMore')}
      </Button>
    </Group>
  );
}

/** «Погодження» — the supervisor's queue of plans and closures (SPEC §2.14, issue item 11); others see «not found». */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const allowed = hasRole(useMe(), 'supervisor');
  usePageTitle(allowed ? t('approvals.title') : t('common.notFoundTitle'));
  return allowed ? <ApprovalsQueue /> : <NotFound />;
}

function ApprovalsQueue() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<DecidedFilter>('all');
  const [open, setOpen] = useState<Approval | null>(null);
  const [done, setDone] = useState<Approval | null>(null);
  const pending = useInfiniteQuery(approvalsQuery({ scope: 'queue', status: 'pending' }));
  const decided = useInfiniteQuery(approvalsQuery({ scope: 'queue', status: filter }));
  const pendingItems = pending.data?.pages.flatMap((p) => p.items) ?? [];
  const decidedItems = (decided.data?.pages.flatMap((p) => p.items) ?? []).filter((a) => a.status !== 'pending');

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('approvals.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('approvals.intro')}
        </Text>
      </div>
      {done && (
        <Alert color={done.status === 'approved' ? 'green' : 'orange'} role="status" withCloseButton onClose={() => setDone(null)} closeButtonLabel={t('common.close')}>
          {done.status === 'approved' ? t('approvals.decision.approved') : t('approvals.decision.returned')} {done.case.number}
        </Alert>
      )}
      <Stack gap="sm" component="section" aria-labelledby="approvals-pending">
        <Title order={2} size="h3" id="approvals-pending">
          {t('approvals.pendingHeading')}
        </Title>
        {pending.isPending ? (
          <PageLoader />
        ) : !pending.data ? (
          <ErrorAlert error={pending.error} />
        ) : pendingItems.length === 0 ? (
          <Paper withBorder p="md" radius="md">
            <Text>{t('approvals.emptyPending')}</Text>
          </Paper>
        ) : (
          <>
            <PendingApprovals items={pendingItems} onOpen={setOpen} />
            <MoreButton query={pending} />
          </>
        )}
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="approvals-decided">
        <Title order={2} size="h3" id="approvals-decided">
          {t('approvals.decidedHeading')}
        </Title>
        <Radio.Group label={t('approvals.filterLabel')} value={filter} onChange={(v) => setFilter(v as DecidedFilter)}>
          <Group gap="md" mt={4}>
            {decidedFilters.map((f) => (
              <Radio key={f} value={f} label={t(`approvals.filter.${f}`)} />
            ))}
          </Group>
        </Radio.Group>
        {decided.isPending ? (
          <PageLoader />
        ) : !decided.data ? (
          <ErrorAlert error={decided.error} />
        ) : decidedItems.length === 0 ? (
          <Text size="sm">{t('approvals.emptyDecided')}</Text>
        ) : (
          <>
            <DecidedApprovals items={decidedItems} onOpen={setOpen} />
            <MoreButton query={decided} />
          </>
        )}
      </Stack>
      <ApprovalPanel
        approval={open}
        onClose={() => setOpen(null)}
        onDecided={(a) => {
          setOpen(null);
          setDone(a);
        }}
      />
    </Stack>
  );
}
