import { Button, Stack } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert.tsx';

/** Shown when a page fails to load (e.g. a lazy chunk after a new release): the message and a way to retry. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <Stack maw={640} p="md">
      <ErrorAlert error={error} title={t('common.pageError')} />
      <div>
        <Button variant="default" onClick={() => (reset ? reset() : window.location.reload())}>
          {t('common.retry')}
        </Button>
      </div>
    </Stack>
  );
}
