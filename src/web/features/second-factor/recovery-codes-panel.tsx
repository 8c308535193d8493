import { Alert, Button, CopyButton, Group, List, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { codes: string[]; onDone: () => void };

/** The recovery codes, shown once right after they were made: copy, print, and «I have saved them». */
export function RecoveryCodesPanel({ codes, onDone }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sf-codes-heading" className="recovery-codes">
      <Stack gap="sm">
        <Title order={2} size="h4" id="sf-codes-heading">
          {t('secondFactor.recovery.heading')}
        </Title>
        <Alert color="yellow" variant="light">
          {t('secondFactor.recovery.shownOnce')}
        </Alert>
        <List aria-label={t('secondFactor.recovery.listLabel')} data-testid="recovery-codes" ff="monospace" fz="lg" listStyleType="none" spacing={4}>
          {codes.map((c) => (
            <List.Item key={c}>{c}</List.Item>
          ))}
        </List>
        <Group className="no-print">
          <CopyButton value={codes.join('\n')}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('secondFactor.recovery.copied') : t('secondFactor.recovery.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={() => window.print()}>
            {t('secondFactor.recovery.print')}
          </Button>
          <Button onClick={onDone}>{t('secondFactor.recovery.done')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
