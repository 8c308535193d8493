import { Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { monthlyAdmissionsQuery } from './institutions.queries.ts';

/** «11.2026» from `2026-11`. */
function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${m}.${y}`;
}

/** First-time admissions per month and place of the institution (SG4.4), for the register's filters. Aggregates only. */
export function MonthlyAdmissions({ oblastId, hromadaId }: { oblastId?: string | undefined; hromadaId?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const query = useQuery(monthlyAdmissionsQuery({ oblastId, hromadaId }));
  const items = query.data?.items ?? [];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="monthly-admissions">
      <Title order={2} size="h4" id="monthly-admissions">
        {t('institutions.monthly.heading')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('institutions.monthly.hint')}
      </Text>
      <ErrorAlert error={query.error} />
      {query.isSuccess && items.length === 0 ? (
        <Text c="dimmed" size="sm" role="status">
          {t('institutions.monthly.empty')}
        </Text>
      ) : (
        <div className="table-scroll">
          <Table verticalSpacing={4} striped>
            <Table.Caption className="visually-hidden">{t('institutions.monthly.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('institutions.monthly.month')}</Table.Th>
                <Table.Th scope="col">{t('institutions.monthly.oblast')}</Table.Th>
                <Table.Th scope="col">{t('institutions.monthly.hromada')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('institutions.monthly.children')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('institutions.monthly.withGatekeeping')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={`${r.month}|${r.oblast.id}|${r.hromada?.id ?? ''}`}>
                  <Table.Th scope="row">{formatMonth(r.month)}</Table.Th>
                  <Table.Td>{en ? r.oblast.nameEn : r.oblast.nameUk}</Table.Td>
                  <Table.Td>{r.hromada ? (en ? r.hromada.nameEn : r.hromada.nameUk) : t('common.none')}</Table.Td>
                  <Table.Td ta="right">{r.children}</Table.Td>
                  <Table.Td ta="right">{r.withGatekeeping}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  );
}
