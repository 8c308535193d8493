import { Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import type { Proof } from './second-factor.api.ts';

type Props = {
  id: string;
  heading: string;
  hint: string;
  submitLabel: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (proof: Proof) => void;
};

/** A section that proves presence again (a code from the app or a recovery code, or the password) before a change. */
export function ProofForm({ id, heading, hint, submitLabel, danger, pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const proof: Proof = code.trim() ? { code: code.trim() } : password ? { password } : {};
    setCode('');
    setPassword('');
    onSubmit(proof);
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id={id}>
            {heading}
          </Title>
          <Text size="sm">{hint}</Text>
          {error ? <ErrorAlert error={error} /> : null}
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('secondFactor.proof.code')} autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.currentTarget.value)} w={300} />
            <PasswordInput label={t('secondFactor.proof.password')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} w={260} visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }} />
          </Group>
          <Group>
            <Button type="submit" color={danger ? 'red' : undefined} loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
