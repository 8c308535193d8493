import { List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatFullName } from '../persons/person-name.ts';
import { formatDate } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import type { Caregiver } from './caregivers.api.ts';

/** Household and what the family accepts, read-only (for those who do not edit). */
export function HouseholdSummary({ c }: { c: Caregiver }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="household-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="household-title">
          {t('caregivers.page.householdTitle')}
        </Title>
        <Text size="sm">
          {t('caregivers.page.capacity')}: {c.capacity}; {t('caregivers.page.ageFrom')}: {c.ageFrom}; {t('caregivers.page.ageTo')}: {c.ageTo}
          {c.siblingsAccepted ? `; ${t('caregivers.page.siblingsAccepted')}` : ''}
          {c.disabilitySpecialisation ? `; ${t('caregivers.page.disabilitySpecialisation')}` : ''}
        </Text>
        <Text size="sm">
          {t('caregivers.page.assignedWorker')}: {c.assignedWorker?.name ?? t('caregivers.page.noWorker')}
        </Text>
        <Table verticalSpacing="xs">
          <Table.Caption className="visually-hidden">{t('caregivers.page.householdCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('caregivers.member.surname')}</Table.Th>
              <Table.Th scope="col">{t('caregivers.member.role')}</Table.Th>
              <Table.Th scope="col">{t('caregivers.member.birthDate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.members.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Th scope="row" fw={400}>
                  {formatFullName(m)}
                </Table.Th>
                <Table.Td>{t(`caregivers.memberRole.${m.role}`)}</Table.Td>
                <Table.Td>{formatDate(m.birthDate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

/** Children placed with the family (through matching), each linked to its case. */
export function PlacementsSection({ c }: { c: Caregiver }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="placements-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="placements-title">
          {t('caregivers.page.placementsTitle')}
        </Title>
        {c.placements.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('caregivers.page.placementsEmpty')}
          </Text>
        ) : (
          <List size="sm">
            {c.placements.map((p) => (
              <List.Item key={p.id}>
                {formatDate(p.startDate)} — {p.decisionReference} ({p.current ? t('caregivers.page.placementCurrent') : t('caregivers.page.placementEnded')}),{' '}
                <AnchorLink to="/cases/$caseId" params={{ caseId: p.caseId }} search={{ tab: 'care' }}>
                  {t('caregivers.page.placementCase')}
                </AnchorLink>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
