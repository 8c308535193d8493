import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { useDeadlineKeyName } from './deadline-name.ts';
import type { TeamDeadline } from './supervision.api.ts';

const statusColor: Record<TeamDeadline['status'], string> = { overdue: 'red', due_today: 'orange', due_soon: 'yellow', upcoming: 'blue' };

/** Deadlines of a worker's cases: each opens the case; the due date is shown with its status and legal source. */
export function TeamDeadlinesTable({ items, caption }: { items: TeamDeadline[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const name = useDeadlineKeyName();
  return (
    <div className="table-scroll">
      <Table verticalSpacing="xs" fz="sm" captionSide="top" miw={600} striped>
        <Table.Caption style={{ textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('team.itemColumns.case')}</Table.Th>
            <Table.Th scope="col">{t('team.itemColumns.what')}</Table.Th>
            <Table.Th scope="col">{t('team.itemColumns.due')}</Table.Th>
            <Table.Th scope="col">{t('team.itemColumns.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={`${d.caseId}-${d.key}-${d.dueDate}`}>
              <Table.Td>
                <AnchorLink to="/cases/$caseId" params={{ caseId: d.caseId }} fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {d.caseNumber}
                </AnchorLink>
                {d.title && <Text size="xs">{d.title}</Text>}
              </Table.Td>
              <Table.Td>{name(d.key)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={600}>
                  {formatDate(d.dueDate)}
                </Text>
                <Badge color={statusColor[d.status]} variant={d.status === 'overdue' ? 'filled' : 'light'} size="sm" style={{ textTransform: 'none' }}>
                  {t(`deadline.status.${d.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="xs" className="wrap-anywhere">
                  {i18n.language === 'en' ? d.sourceEn : d.sourceUk}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
