import { Box, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnmetNeedReport } from './unmet-need.api.ts';

type Item = UnmetNeedReport['items'][number];

/** Hromada and service names in the interface language. */
export function useItemNames() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return { hromada: (i: Item) => (en ? i.hromada.nameEn : i.hromada.nameUk), service: (i: Item) => (en ? i.service.nameEn : i.service.nameUk) };
}

/**
 * A simple bar view (no chart library): one bar per hromada and service, its length relative to the largest count,
 * the number written beside it. Hidden from screen readers as a picture: the same list is read as text.
 */
export function UnmetNeedBars({ report }: { report: UnmetNeedReport }) {
  const { t } = useTranslation();
  const names = useItemNames();
  const max = Math.max(1, ...report.items.map((i) => i.count));
  const manyHromadas = new Set(report.items.map((i) => i.hromada.id)).size > 1;
  return (
    <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('unmetNeed.chartLabel')}>
      {report.items.map((i) => (
        <li key={`${i.hromada.id}-${i.service.code}`}>
          <Text size="sm" className="wrap-anywhere">
            {manyHromadas ? `${names.hromada(i)} · ${names.service(i)}` : names.service(i)}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Box aria-hidden h={14} bg="blue.7" style={{ width: `${Math.max(2, (i.count / max) * 100)}%`, maxWidth: 'calc(100% - 3rem)', borderRadius: 3 }} />
            <Text size="sm" fw={700}>
              {i.count}
            </Text>
          </Group>
        </li>
      ))}
    </Stack>
  );
}

/** The numbers behind the bars: hromada, service, count, with the total. */
export function UnmetNeedTable({ report, caption }: { report: UnmetNeedReport; caption: string }) {
  const { t } = useTranslation();
  const names = useItemNames();
  return (
    <div className="table-scroll">
      <Table verticalSpacing="xs" striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('unmetNeed.columns.hromada')}</Table.Th>
            <Table.Th scope="col">{t('unmetNeed.columns.service')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('unmetNeed.columns.count')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.items.map((i) => (
            <Table.Tr key={`${i.hromada.id}-${i.service.code}`}>
              <Table.Td>{names.hromada(i)}</Table.Td>
              <Table.Th scope="row" fw={400}>
                {names.service(i)}
              </Table.Th>
              <Table.Td style={{ textAlign: 'right' }}>{i.count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={2}>
              {t('unmetNeed.total')}
            </Table.Th>
            <Table.Td style={{ textAlign: 'right' }} fw={700}>
              {report.total}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </div>
  );
}
