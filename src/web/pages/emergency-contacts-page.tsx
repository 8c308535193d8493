import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmergencyContactForm } from '../features/emergency/emergency-form.tsx';
import { EmergencyContactsList } from '../features/emergency/emergency-list.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** Emergency (crisis) contacts: services given without case management, and their conversion into a case (SPEC §2.9). */
export function EmergencyContactsPage() {
  const { t } = useTranslation();
  usePageTitle(t('emergency.title'));
  const [formOpen, setFormOpen] = useState(false);
  const [recorded, setRecorded] = useState(false);
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="header">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <div>
            <Title order={1}>{t('emergency.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('emergency.legal')}
            </Text>
          </div>
          {!formOpen && (
            <Button
              onClick={() => {
                setRecorded(false);
                setFormOpen(true);
              }}
            >
              {t('emergency.record')}
            </Button>
          )}
        </Group>
      </Paper>
      {recorded && (
        <Alert color="green" variant="light" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setRecorded(false)}>
          {t('emergency.recorded')}
        </Alert>
      )}
      {formOpen && (
        <EmergencyContactForm
          onDone={(created) => {
            setFormOpen(false);
            setRecorded(created !== null);
          }}
        />
      )}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ec-list-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="ec-list-title">
            {t('emergency.list.title')}
          </Title>
          <EmergencyContactsList />
        </Stack>
      </Paper>
    </Stack>
  );
}
