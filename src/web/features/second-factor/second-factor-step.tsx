import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../ui/api-client.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import type { Me } from '../auth/auth.api.ts';
import { loginSecondFactor } from './second-factor.api.ts';

type Props = { pendingToken: string; onSignedIn: (me: Me) => Promise<void>; onRestart: () => void };

/** The login's second step: a code from the authenticator app or a recovery code (SPEC §11). */
export function SecondFactorStep({ pendingToken, onSignedIn, onRestart }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const mutation = useMutation({
    mutationFn: () => loginSecondFactor(pendingToken, code.trim()),
    onSuccess: (me) => onSignedIn(me),
    onError: () => setCode(''),
  });
  const expired = mutation.isError && (isApiError(mutation.error, 'second_factor_challenge_expired') || isApiError(mutation.error, 'account_locked'));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return;
    mutation.mutate();
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="second-factor-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={1} size="h2" id="second-factor-title">
            {t('secondFactor.login.title')}
          </Title>
          <Text size="sm">{t('secondFactor.login.hint')}</Text>
          {mutation.isError && <ErrorAlert error={mutation.error} />}
          {!expired && (
            <>
              <TextInput
                label={t('secondFactor.login.code')}
                description={t('secondFactor.login.codeDescription')}
                name="one-time-code"
                autoComplete="one-time-code"
                autoCapitalize="none"
                spellCheck={false}
                required
                data-autofocus
                autoFocus
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
              />
              <Button type="submit" loading={mutation.isPending} fullWidth>
                {t('secondFactor.login.submit')}
              </Button>
            </>
          )}
          <Button variant={expired ? 'filled' : 'subtle'} onClick={onRestart}>
            {t('secondFactor.login.back')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
