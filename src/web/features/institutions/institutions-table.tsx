import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InstitutionStatus } from '#domain/institutions/institutions.ts';
import { formatDate } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import type { InstitutionSummary } from './institutions.api.ts';

const statusColor: Record<InstitutionStatus, string> = { operating: 'blue', transforming: 'yellow', transformed: 'green', closed: 'gray' };

/** An institution's status as a badge with its word (not colour alone). */
export function InstitutionStatusBadge({ status }: { status: InstitutionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="light">
      {t(`institutions.status.${status}`)}
    </Badge>
  );
}

/** «Бучанська міська територіальна громада, Київська область». */
export function usePlaceLine() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (i: Pick<InstitutionSummary, 'oblast' | 'hromada'>) => [i.hromada ? (en ? i.hromada.nameEn : i.hromada.nameUk) : null, en ? i.oblast.nameEn : i.oblast.nameUk].filter(Boolean).join(', ');
}

/** The register as a table: name (link), type, place, places, the latest count of children, status. */
export function InstitutionsTable({ items }: { items: InstitutionSummary[] }) {
  const { t, i18n } = useTranslation();
  const place = usePlaceLine();
  const en = i18n.language === 'en';
  return (
    <div className="table-scroll">
      <Table verticalSpacing="xs" striped>
        <Table.Caption className="visually-hidden">{t('institutions.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('institutions.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('institutions.columns.type')}</Table.Th>
            <Table.Th scope="col">{t('institutions.columns.place')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('institutions.columns.capacity')}
            </Table.Th>
            <Table.Th scope="col">{t('institutions.columns.children')}</Table.Th>
            <Table.Th scope="col">{t('institutions.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Th scope="row" fw={500} miw={220}>
                <AnchorLink to="/institutions/$institutionId" params={{ institutionId: i.id }}>
                  {en && i.nameEn ? i.nameEn : i.nameUk}
                </AnchorLink>
              </Table.Th>
              <Table.Td>{t(`institutions.type.${i.type}`)}</Table.Td>
              <Table.Td miw={200}>{place(i)}</Table.Td>
              <Table.Td ta="right">{i.capacity}</Table.Td>
              <Table.Td>
                {i.latestCount ? (
                  t('institutions.childrenOn', { total: i.latestCount.total, date: formatDate(i.latestCount.asOf) })
                ) : (
                  <Text span c="dimmed" size="sm">
                    {t('institutions.noCount')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <InstitutionStatusBadge status={i.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
