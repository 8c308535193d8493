import { Anchor, Box, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { disaggregations, type Disaggregation } from '#domain/indicators/dimensions.ts';
import type { IndicatorTableData } from './dashboards.api.ts';
import { exportUrl } from './dashboards.api.ts';
import { formatFigure } from './figures.ts';

/** The label of a column key of a table disaggregated by `dimension`. */
export function useColumnLabel() {
  const { t } = useTranslation();
  return (dimension: string, key: string) => {
    const bare = key.includes(':') ? key.slice(key.indexOf(':') + 1) : key;
    // Institution dimensions reuse the labels of the institutions register.
    const base = dimension === 'institution_type' ? 'institutions.type' : dimension === 'ownership' || dimension === 'subordination' ? `institutions.${dimension}` : `dashboards.value.${dimension}`;
    return t(`${base}.${bare}` as 'dashboards.value.sex.female', { defaultValue: bare });
  };
}

/** The indicator table behind the pictures: the territory and its child units, total and one column per disaggregation value; CSV and XLSX of the same rows. */
export function IndicatorTableView({ table, disaggregation, onDisaggregation, territoryId }: { table: IndicatorTableData; disaggregation: Disaggregation; onDisaggregation: (d: Disaggregation) => void; territoryId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const en = i18n.language === 'en';
  const label = useColumnLabel();
  const unit = table.indicator.unit;
  const allowed = disaggregations.filter((d) => d === 'none' || table.indicator.disaggregations.includes(d as never));
  const rows = [table.total, ...table.units];
  const q = { territoryId, period: table.period, disaggregation };
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} size="h4" id={id}>
          {t('dashboards.table.heading')}
        </Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('dashboards.table.disaggregation')}
            data={allowed.map((d) => ({ value: d, label: t(`dashboards.dimension.${d}`) }))}
            value={disaggregation}
            onChange={(v) => v && onDisaggregation(v as Disaggregation)}
            allowDeselect={false}
            w={220}
          />
          <Anchor href={exportUrl(table.indicator.code, q, 'xlsx')} download data-testid="export-xlsx">
            {t('dashboards.table.exportXlsx')}
          </Anchor>
          <Anchor href={exportUrl(table.indicator.code, q, 'csv')} download data-testid="export-csv">
            {t('dashboards.table.exportCsv')}
          </Anchor>
        </Group>
      </Group>
      <Box className="table-scroll">
        <Table withTableBorder striped verticalSpacing={4} data-testid="indicator-table">
          <Table.Caption style={{ textAlign: 'left', captionSide: 'top' }}>
            {t('dashboards.table.caption', { code: table.indicator.code, name: en ? table.indicator.nameEn : table.indicator.nameUk, period: table.period })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboards.table.territory')}</Table.Th>
              <Table.Th scope="col">{t('dashboards.table.total')}</Table.Th>
              {table.columns.map((c) => (
                <Table.Th scope="col" key={c}>
                  {label(table.disaggregation, c)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.territoryId ?? 'national'} fw={i === 0 ? 700 : undefined}>
                <Table.Th scope="row" fw={i === 0 ? 700 : 500}>
                  {en ? r.nameEn : r.nameUk}
                </Table.Th>
                <Table.Td>{formatFigure(r.total, unit, i18n.language)}</Table.Td>
                {r.cells.map((c) => (
                  <Table.Td key={c.key}>{formatFigure(c, unit, i18n.language)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      {table.suppressionApplied && (
        <Text size="xs" c="dimmed">
          {t('dashboards.suppressedNote')}
        </Text>
      )}
    </Stack>
  );
}
