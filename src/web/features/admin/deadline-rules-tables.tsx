import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import type { DeadlineRule, DeadlineRules } from './deadline-rules.api.ts';

/** The rule's event in words (`needs_assessment` → «Оцінювання потреб»), falling back to its key. */
export function useRuleName(): (key: string) => string {
  const { t } = useTranslation();
  return (key) => t(`deadlineRules.key.${key}` as 'deadlineRules.key.needs_assessment', { defaultValue: key.replace(/_/g, ' ') });
}

/** The deadline table: event, case type, period, unit, legal source, and «Змінити» for administrators. */
export function DeadlineRulesTable({ data, onEdit }: { data: DeadlineRules; onEdit: (r: DeadlineRule) => void }) {
  const { t, i18n } = useTranslation();
  const name = useRuleName();
  const canEdit = data.allowedActions.includes('edit');
  return (
    <div className="table-scroll">
      <Table striped verticalSpacing="sm" captionSide="top" miw={880}>
        <Table.Caption style={{ textAlign: 'left' }}>{t('deadlineRules.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('deadlineRules.columns.event')}</Table.Th>
            <Table.Th scope="col">{t('deadlineRules.columns.caseType')}</Table.Th>
            <Table.Th scope="col">{t('deadlineRules.columns.period')}</Table.Th>
            <Table.Th scope="col">{t('deadlineRules.columns.unit')}</Table.Th>
            <Table.Th scope="col">{t('deadlineRules.columns.source')}</Table.Th>
            {canEdit && <Table.Th scope="col">{t('deadlineRules.columns.action')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row" fw={600}>
                {name(r.key)}
                <Text size="xs" c="dimmed" ff="monospace">
                  {r.key}
                </Text>
              </Table.Th>
              <Table.Td>{r.caseType ? t(`caseType.${r.caseType}`) : t('deadlineRules.allCaseTypes')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} fw={600}>
                {t(`deadlineRules.period.${r.unit}`, { count: r.amount })}
              </Table.Td>
              <Table.Td>{t(`deadlineRules.unit.${r.unit}`)}</Table.Td>
              <Table.Td maw={380}>
                <Text size="sm" className="wrap-anywhere">
                  {i18n.language === 'en' ? r.sourceEn : r.sourceUk}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('deadlineRules.lastChanged', { date: formatDateTime(r.updatedAt) })}
                </Text>
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => onEdit(r)} aria-label={t('deadlineRules.editFor', { name: name(r.key) })}>
                    {t('deadlineRules.edit')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** The working-calendar regimes by date range, read-only. */
export function CalendarRegimesTable({ regimes }: { regimes: DeadlineRules['regimes'] }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <Table verticalSpacing="xs" captionSide="top" miw={480}>
        <Table.Caption style={{ textAlign: 'left' }}>{t('deadlineRules.regimesCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('deadlineRules.regimeColumns.regime')}</Table.Th>
            <Table.Th scope="col">{t('deadlineRules.regimeColumns.from')}</Table.Th>
            <Table.Th scope="col">{t('deadlineRules.regimeColumns.to')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {regimes.map((r) => (
            <Table.Tr key={`${r.regime}-${r.from}`}>
              <Table.Td>{t(`deadlineRules.regime.${r.regime}`)}</Table.Td>
              <Table.Td>{formatDate(r.from)}</Table.Td>
              <Table.Td>{r.to ? formatDate(r.to) : t('deadlineRules.ongoing')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
