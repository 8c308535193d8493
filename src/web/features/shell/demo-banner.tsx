import { Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { systemStatusQuery } from '../auth/auth.queries.ts';

/** A visible banner on every page of a demo installation (data is fictional). */
export function DemoBanner() {
  const { t } = useTranslation();
  const { data } = useQuery(systemStatusQuery);
  if (!data?.demoMode) return null;
  return (
    <div className="demo-banner" role="region" aria-label={t('app.demoBanner')}>
      <Group justify="center" px="md" py={6}>
        <Text size="sm" fw={600} ta="center">
          {t('app.demoBanner')}
        </Text>
      </Group>
    </div>
  );
}
