import { Anchor, Badge, Box, Group, Progress, Stack, Table, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complexity } from '#domain/cases/case-types.ts';
import { formatDate } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { CapacityCell } from '../workforce/capacity-badge.tsx';
import type { Team, TeamWorker } from './supervision.api.ts';

const complexityOrder: Array<Complexity | 'not_assessed'> = ['emergency', 'complex', 'moderate', 'simple', 'not_assessed'];

/** Open cases by complexity as short text: «Складний: 2 · Простий: 1». */
function ComplexityBreakdown({ w }: { w: TeamWorker }) {
  const { t } = useTranslation();
  const parts = complexityOrder.filter((c) => w.byComplexity[c] > 0).map((c) => `${c === 'not_assessed' ? t('team.notAssessed') : t(`complexity.${c}`)}: ${w.byComplexity[c]}`);
  return <Text size="sm">{parts.length ? parts.join(' · ') : '—'}</Text>;
}

/** The caseload bar: open cases against the largest caseload in the team; the number is the text, the bar only a picture. */
function CaseloadBar({ w, max }: { w: TeamWorker; max: number }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" miw={160}>
      <Text fw={700} w={28} ta="right">
        {w.openCases}
      </Text>
      <Box style={{ flex: 1 }} title={t('team.caseloadBar', { count: w.openCases })}>
        <Progress value={max === 0 ? 0 : (w.openCases / max) * 100} size="lg" color={w.overdue > 0 ? 'red' : 'blue'} aria-hidden="true" />
      </Box>
    </Group>
  );
}

function Count({ n, color }: { n: number; color: string }) {
  return n > 0 ? (
    <Badge color={color} variant="filled" size="lg" style={{ textTransform: 'none' }}>
      {n}
    </Badge>
  ) : (
    <Text size="sm">0</Text>
  );
}

/** Moves to the worker's section (focus and scroll) without a router navigation. */
function jumpTo(e: MouseEvent<HTMLAnchorElement>, id: string) {
  e.preventDefault();
  const el = document.getElementById(id);
  el?.focus();
  el?.scrollIntoView();
}

/** One row per case manager: caseload, complexity, overdue, due this week, pending approvals. */
export function TeamOverview({ team }: { team: Team }) {
  const { t } = useTranslation();
  const max = Math.max(0, ...team.workers.map((w) => w.openCases));
  return (
    <div className="table-scroll">
      <Table verticalSpacing="sm" captionSide="top" miw={880} striped>
        <Table.Caption style={{ textAlign: 'left' }}>{t('team.caption', { date: formatDate(team.today) })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('team.columns.worker')}</Table.Th>
            <Table.Th scope="col">{t('team.columns.openCases')}</Table.Th>
            <Table.Th scope="col">{t('team.columns.complexity')}</Table.Th>
            <Table.Th scope="col">{t('workforce.team.caseloadColumn')}</Table.Th>
            <Table.Th scope="col">{t('team.columns.overdue')}</Table.Th>
            <Table.Th scope="col">{t('team.columns.dueThisWeek', { date: formatDate(team.weekEnd) })}</Table.Th>
            <Table.Th scope="col">{t('team.columns.approvals')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {team.workers.map((w) => (
            <Table.Tr key={w.id}>
              <Table.Th scope="row">
                <Stack gap={0}>
                  <Anchor href={`#worker-${w.id}`} fw={600} className="wrap-anywhere" onClick={(e: MouseEvent<HTMLAnchorElement>) => jumpTo(e, `worker-${w.id}`)}>
                    {w.name}
                  </Anchor>
                </Stack>
              </Table.Th>
              <Table.Td>
                <CaseloadBar w={w} max={max} />
              </Table.Td>
              <Table.Td>
                <ComplexityBreakdown w={w} />
              </Table.Td>
              <Table.Td>
                <CapacityCell percent={w.caseloadPercent} capacity={w.capacity} />
              </Table.Td>
              <Table.Td>
                <Count n={w.overdue} color="red" />
              </Table.Td>
              <Table.Td>
                <Count n={w.dueThisWeek} color="orange" />
              </Table.Td>
              <Table.Td>
                {w.pendingApprovals > 0 ? (
                  <AnchorLink to="/approvals" fw={700}>
                    {w.pendingApprovals}
                  </AnchorLink>
                ) : (
                  <Text size="sm">0</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
