import { Badge, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaregiverStage } from '#domain/caregivers/caregivers.ts';
import { formatDate } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import type { CaregiverRow } from './caregivers.api.ts';

const stageColor: Record<CaregiverStage, string> = { intent: 'gray', screening: 'gray', training: 'blue', home_assessment: 'blue', approved: 'teal', available: 'green', deregistered: 'dark' };

/** A pipeline stage as a badge with its word. */
export function StageBadge({ stage }: { stage: CaregiverStage }) {
  const { t } = useTranslation();
  return (
    <Badge color={stageColor[stage]} variant="light">
      {t(`caregivers.stage.${stage}`)}
    </Badge>
  );
}

/** Support flags: extra monitoring while a child is placed, overdue check-in or training. */
export function SupportFlags({ support }: { support: CaregiverRow['support'] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {support.extraMonitoring && (
        <Badge color="orange" variant="light">
          {t('caregivers.extraMonitoring')}
        </Badge>
      )}
      {support.checkInOverdue && (
        <Badge color="red" variant="light">
          {t('caregivers.checkInOverdue')}
        </Badge>
      )}
      {support.trainingOverdue && (
        <Badge color="red" variant="light">
          {t('caregivers.trainingOverdue')}
        </Badge>
      )}
    </Group>
  );
}

/** The register as a table: name (link), form, hromada, stage with its date, places, support flags. */
export function CaregiversTable({ items }: { items: CaregiverRow[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <div className="table-scroll">
      <Table verticalSpacing="xs" striped>
        <Table.Caption>{t('caregivers.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('caregivers.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('caregivers.columns.type')}</Table.Th>
            <Table.Th scope="col">{t('caregivers.columns.hromada')}</Table.Th>
            <Table.Th scope="col">{t('caregivers.columns.stage')}</Table.Th>
            <Table.Th scope="col">{t('caregivers.columns.since')}</Table.Th>
            <Table.Th scope="col">{t('caregivers.columns.places')}</Table.Th>
            <Table.Th scope="col">{t('caregivers.columns.support')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Th scope="row" fw={500} miw={200}>
                <AnchorLink to="/caregivers/$caregiverId" params={{ caregiverId: c.id }}>
                  {c.name}
                </AnchorLink>
              </Table.Th>
              <Table.Td>{t(`caregivers.type.${c.caregiverType}`)}</Table.Td>
              <Table.Td>{en ? c.hromada.nameEn : c.hromada.nameUk}</Table.Td>
              <Table.Td>
                <StageBadge stage={c.stage} />
              </Table.Td>
              <Table.Td>{formatDate(c.stageDate)}</Table.Td>
              <Table.Td>
                {c.placedNow} / {c.capacity}
              </Table.Td>
              <Table.Td>
                <SupportFlags support={c.support} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
