import { Box, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { ComplexityBadge, DeadlineInfo, UrgentBadge } from './case-badges.tsx';
import type { CaseSummary } from './cases.api.ts';
import { worklistQuery } from './cases.queries.ts';

function CaseLink({ c }: { c: CaseSummary }) {
  return (
    <AnchorLink to="/cases/$caseId" params={{ caseId: c.id }} fw={600} className="wrap-anywhere">
      {c.title || c.number}
    </AnchorLink>
  );
}

function NextDeadline({ c }: { c: CaseSummary }) {
  const { t } = useTranslation();
  if (!c.nextDeadline) return <Text size="sm" c="dimmed">{t('worklist.noDeadline')}</Text>;
  return <DeadlineInfo deadline={c.nextDeadline} />;
}

function WorklistTable({ items }: { items: CaseSummary[] }) {
  const { t } = useTranslation();
  return (
    <Box visibleFrom="md" className="table-scroll">
      <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
        <Table.Caption style={{ textAlign: 'left' }}>{t('worklist.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('worklist.columns.title')}</Table.Th>
            <Table.Th scope="col">{t('worklist.columns.number')}</Table.Th>
            <Table.Th scope="col">{t('worklist.columns.type')}</Table.Th>
            <Table.Th scope="col">{t('worklist.columns.step')}</Table.Th>
            <Table.Th scope="col">{t('worklist.columns.complexity')}</Table.Th>
            <Table.Th scope="col">{t('worklist.columns.deadline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <CaseLink c={c} />
                  {c.urgent && <UrgentBadge />}
                </Stack>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.number}</Table.Td>
              <Table.Td>{t(`caseType.${c.caseType}`)}</Table.Td>
              <Table.Td>{t(`caseStep.${c.step}`)}</Table.Td>
              <Table.Td>
                <ComplexityBadge complexity={c.complexity} />
              </Table.Td>
              <Table.Td miw={220}>
                <NextDeadline c={c} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

function WorklistCards({ items }: { items: CaseSummary[] }) {
  const { t } = useTranslation();
  return (
    <Stack hiddenFrom="md" gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('worklist.tableCaption')}>
      {items.map((c) => (
        <Paper component="li" key={c.id} withBorder p="sm" radius="md">
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <CaseLink c={c} />
              {c.urgent && <UrgentBadge />}
            </Group>
            <Text size="sm" c="dimmed">
              {c.number} · {t(`caseType.${c.caseType}`)}
            </Text>
            <Text size="sm">
              {t('worklist.columns.step')}: {t(`caseStep.${c.step}`)}
            </Text>
            <Group gap="xs" wrap="wrap">
              <Text size="sm">{t('worklist.columns.complexity')}:</Text>
              <ComplexityBadge complexity={c.complexity} />
            </Group>
            <div>
              <Text size="xs" c="dimmed" fw={600}>
                {t('worklist.columns.deadline')}
              </Text>
              <NextDeadline c={c} />
            </div>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** "My work": my open cases as a table (cards on narrow screens), overdue first, more on demand. */
export function Worklist() {
  const { t } = useTranslation();
  const query = useInfiniteQuery(worklistQuery);
  if (query.isPending) return <PageLoader />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm" align="flex-start">
          <Text fw={600}>{t('worklist.empty')}</Text>
          <Text size="sm">{t('worklist.emptyHint')}</Text>
          <ButtonLink to="/notifications/new">{t('worklist.newNotification')}</ButtonLink>
        </Stack>
      </Paper>
    );
  }
  return (
    <Stack gap="md">
      <WorklistTable items={items} />
      <WorklistCards items={items} />
      {query.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      {query.error && <ErrorAlert error={query.error} />}
    </Stack>
  );
}
