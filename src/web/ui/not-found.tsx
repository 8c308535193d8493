import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from './links.tsx';
import { usePageTitle } from './page-title.ts';

/** "Not found or no access" — the same page for both, so that the existence of a record is not revealed (SPEC §11). */
export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('common.notFoundTitle'));
  return (
    <Paper withBorder p="lg" maw={640}>
      <Stack>
        <Title order={1} size="h2">{t('common.notFoundTitle')}</Title>
        <Text>{t('common.notFoundBody')}</Text>
        <div>
          <ButtonLink to="/">{t('common.backToWorklist')}</ButtonLink>
        </div>
      </Stack>
    </Paper>
  );
}
