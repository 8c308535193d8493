import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { HiddenMarker } from '../consent/hidden-marker.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { formatFullName } from '../persons/person-name.ts';
import type { InboxItem, NotificationStatus } from './inbox.api.ts';
import { inboxQuery } from './inbox.queries.ts';

const dueColor = { overdue: 'red', due_today: 'orange', due_soon: 'yellow', upcoming: 'gray' } as const;

/** Urgency of a notification: urgent (abuse, threat) in red, with the threat named. */
export function UrgencyBadges({ n }: { n: Pick<InboxItem, 'urgent' | 'threatToLifeOrHealth'> }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} align="flex-start">
      {n.urgent ? (
        <Badge color="red" variant="filled">
          {t('inbox.urgent')}
        </Badge>
      ) : (
        <Text size="sm">{t('inbox.notUrgent')}</Text>
      )}
      {n.threatToLifeOrHealth && (
        <Text size="xs" c="red.9">
          {t('inbox.threat')}
        </Text>
      )}
    </Stack>
  );
}

/** The term for considering it, with its status and legal source. */
export function DueCell({ due }: { due: InboxItem['due'] }) {
  const { t, i18n } = useTranslation();
  if (!due) return null;
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {formatDate(due.dueDate)}
      </Text>
      <Badge variant="light" color={dueColor[due.status]}>
        {t(`deadline.status.${due.status}`)}
      </Badge>
      <Text size="xs" c="dimmed" lineClamp={2} title={i18n.language === 'en' ? due.sourceEn : due.sourceUk}>
        {t('deadline.source', { source: i18n.language === 'en' ? due.sourceEn : due.sourceUk })}
      </Text>
    </Stack>
  );
}

function Factors({ n }: { n: InboxItem }) {
  const { t } = useTranslation();
  const labels = [...n.childFactors.map((f) => t(`childFactor.${f}` as 'childFactor.homelessness')), ...n.adultFactors.map((f) => t(`adultFactor.${f}` as 'adultFactor.unemployment'))];
  // Sensitive factors (abuse, health, disability) are masked in the list unless the viewer is on the case (SPEC §11).
  const masked = n.maskedFields.includes('childFactors') || n.maskedFields.includes('adultFactors');
  if (labels.length === 0) return masked ? <HiddenMarker /> : <Text size="sm">—</Text>;
  const shown = labels.slice(0, 3);
  return (
    <Text size="sm">
      {shown.join('; ')}
      {labels.length > shown.length ? ` (${t('inbox.moreFactors', { count: labels.length - shown.length })})` : ''}
      {masked && (
        <>
          {'; '}
          <HiddenMarker />
        </>
      )}
    </Text>
  );
}

function Outcome({ n }: { n: InboxItem }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm">{t('inbox.handledOn', { date: formatDate(n.handledAt), name: n.handledByName ?? '—' })}</Text>
      {n.case && (
        <AnchorLink to="/cases/$caseId" params={{ caseId: n.case.id }} size="sm">
          {t('inbox.caseLink', { number: n.case.number })}
        </AnchorLink>
      )}
      {n.status === 'declined' && (
        <Text size="sm" className="wrap-anywhere">
          {t('inbox.declineReasonLine', { reason: n.declineReason })}
        </Text>
      )}
    </Stack>
  );
}

type InboxListProps = { status: NotificationStatus; openId: string | undefined; onOpen: (id: string) => void };

/** The notifications of one status: urgency, received, who reported, children, factors, the term or the decision. */
export function InboxList({ status, openId, onOpen }: InboxListProps) {
  const { t } = useTranslation();
  const list = useInfiniteQuery(inboxQuery(status));
  if (list.isPending) return <PageLoader />;
  if (!list.data) return <ErrorAlert error={list.error} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Text size="sm">{t(`inbox.empty.${status}`)}</Text>;
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={880}>
        <Table striped withTableBorder verticalSpacing="xs">
          <Table.Caption>{t(`inbox.caption.${status}`)}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('inbox.columns.urgency')}</Table.Th>
              <Table.Th scope="col">{t('inbox.columns.receivedAt')}</Table.Th>
              <Table.Th scope="col">{t('inbox.columns.source')}</Table.Th>
              <Table.Th scope="col">{t('inbox.columns.children')}</Table.Th>
              <Table.Th scope="col">{t('inbox.columns.factors')}</Table.Th>
              <Table.Th scope="col">{status === 'received' ? t('inbox.columns.due') : t('inbox.columns.outcome')}</Table.Th>
              <Table.Th scope="col">{t('inbox.columns.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((n) => (
              <Table.Tr key={n.id} bg={n.id === openId ? 'blue.0' : undefined}>
                <Table.Td>
                  <UrgencyBadges n={n} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(n.receivedAt)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`reportSource.${n.source}`)}</Text>
                  {n.reporterOrganisation && (
                    <Text size="xs" c="dimmed" className="wrap-anywhere">
                      {n.reporterOrganisation}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {n.hromada.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {n.children.map((c) => (
                    <Text size="sm" key={c.personId}>
                      {formatFullName(c)}, {formatDate(c.birthDate)}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td maw={260}>
                  <Factors n={n} />
                </Table.Td>
                <Table.Td maw={220}>{status === 'received' ? <DueCell due={n.due} /> : <Outcome n={n} />}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant={n.id === openId ? 'filled' : 'default'} onClick={() => onOpen(n.id)} aria-label={t('inbox.openFor', { date: formatDateTime(n.receivedAt) })}>
                    {t('inbox.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
