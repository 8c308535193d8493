import type { Enrolment, RecoveryCodes } from '#contracts/second-factor.contract.ts';
import { Button, Code, Group, Image, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { confirmEnrolment, startEnrolment } from './second-factor.api.ts';

type Props = { pending: boolean; onEnabled: (codes: RecoveryCodes) => void };

/** Enrolment: start → QR code and the key as text (shown once) → the first code from the app turns it on. */
export function EnrolmentPanel({ pending, onEnabled }: Props) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const start = useMutation({ mutationFn: startEnrolment, onSuccess: (e) => setEnrolment(e) });
  const confirm = useMutation({
    mutationFn: () => confirmEnrolment(code.trim(), enrolment?.version ?? 0),
    onSuccess: (codes) => {
      setEnrolment(null);
      onEnabled(codes);
    },
    onError: () => setCode(''),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return;
    confirm.mutate();
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sf-enrol-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="sf-enrol-heading">
          {t('secondFactor.enrol.heading')}
        </Title>
        {start.isError && <ErrorAlert error={start.error} />}
        {!enrolment && (
          <Group>
            <Button onClick={() => start.mutate()} loading={start.isPending}>
              {pending ? t('secondFactor.enrol.restart') : t('secondFactor.enrol.start')}
            </Button>
          </Group>
        )}
        {enrolment && (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              <List type="ordered" spacing="xs">
                <List.Item>{t('secondFactor.enrol.step1')}</List.Item>
                <List.Item>{t('secondFactor.enrol.step2')}</List.Item>
                <List.Item>{t('secondFactor.enrol.step3')}</List.Item>
              </List>
              <Image src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`} alt={t('secondFactor.enrol.qrAlt')} w={220} h={220} fit="contain" />
              <div>
                <Text size="sm" fw={600} id="sf-secret-label">
                  {t('secondFactor.enrol.manualKey')}
                </Text>
                <Code block className="wrap-anywhere" data-testid="totp-secret" aria-labelledby="sf-secret-label" fz="md">
                  {enrolment.secret.match(/.{1,4}/g)?.join(' ') ?? enrolment.secret}
                </Code>
                <Text size="xs" c="dimmed" mt={4}>
                  {t('secondFactor.enrol.manualHint')}
                </Text>
              </div>
              {confirm.isError && <ErrorAlert error={confirm.error} />}
              <TextInput
                label={t('secondFactor.enrol.code')}
                description={t('secondFactor.enrol.codeDescription')}
                name="one-time-code"
                autoComplete="one-time-code"
                inputMode="numeric"
                maw={240}
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
              />
              <Group>
                <Button type="submit" loading={confirm.isPending}>
                  {t('secondFactor.enrol.confirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
