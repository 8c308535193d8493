import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Institution } from './institutions.api.ts';
import { usePlaceLine } from './institutions-table.tsx';

/** The institution's details as a definition list. */
export function InstitutionDetails({ i }: { i: Institution }) {
  const { t } = useTranslation();
  const place = usePlaceLine();
  const rows: Array<[string, string]> = [
    [t('institutions.details.type'), t(`institutions.type.${i.type}`)],
    [t('institutions.details.subordination'), t(`institutions.subordination.${i.subordination}`)],
    [t('institutions.details.ownership'), t(`institutions.ownership.${i.ownership}`)],
    [t('institutions.details.governanceLevel'), t(`institutions.governanceLevel.${i.governanceLevel}`)],
    [t('institutions.details.capacity'), String(i.capacity)],
    [t('institutions.details.place'), place(i)],
    [t('institutions.details.address'), i.address || t('common.none')],
    [t('institutions.details.edrpou'), i.edrpou || t('common.none')],
  ];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="institution-details">
      <Title order={2} size="h4" id="institution-details" mb="xs">
        {t('institutions.details.heading')}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4} m={0}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="xs" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} className="wrap-anywhere">
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {i.notes && (
        <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {i.notes}
        </Text>
      )}
    </Paper>
  );
}
