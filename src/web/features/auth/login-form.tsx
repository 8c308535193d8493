import { Button, Code, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLocale } from '../../i18n/i18n.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import type { SecondFactorChallenge } from '#contracts/second-factor.contract.ts';
import { SecondFactorStep } from '../second-factor/second-factor-step.tsx';
import { isChallenge, login, saveLocale, type Me } from './auth.api.ts';
import { meQuery, systemStatusQuery } from './auth.queries.ts';

type LoginFormProps = {
  /** True when the user picked a language on the login page: it becomes their remembered choice. */
  languageChosenHere: boolean;
  onSignedIn: (me: Me) => void;
};

/** Username and password form with translated errors (invalid credentials, lockout with its end, rate limit). */
export function LoginForm({ languageChosenHere, onSignedIn }: LoginFormProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // Right password, second factor on: the second step asks for the code with this pending token.
  const [challenge, setChallenge] = useState<SecondFactorChallenge | null>(null);
  const finish = async (me: Me) => {
    const chosen = i18n.language === 'en' ? 'en' : 'uk';
    let locale = me.locale;
    if (languageChosenHere && chosen !== me.locale) {
      locale = chosen;
      await saveLocale(chosen).catch(() => {});
    }
    await applyLocale(locale);
    queryClient.setQueryData(meQuery.queryKey, { ...me, locale });
    onSignedIn(me);
  };
  const mutation = useMutation({
    mutationFn: () => login(username.trim(), password),
    onSuccess: async (answer) => {
      if (isChallenge(answer)) {
        setPassword('');
        setChallenge(answer);
        return;
      }
      await finish(answer);
    },
  });

  if (challenge) {
    return (
      <SecondFactorStep
        pendingToken={challenge.pendingToken}
        onSignedIn={finish}
        onRestart={() => {
          mutation.reset();
          setChallenge(null);
        }}
      />
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) return;
    mutation.mutate();
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="login-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={1} size="h2" id="login-title">
            {t('login.title')}
          </Title>
          {mutation.isError && <ErrorAlert error={mutation.error} />}
          <TextInput
            label={t('login.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('login.password')}
            name="password"
            autoComplete="current-password"
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={mutation.isPending} fullWidth>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** How to create the first administrator when the installation has no users yet. */
export function FirstAdminHelp() {
  const { t } = useTranslation();
  const { data } = useQuery(systemStatusQuery);
  if (!data || data.hasUsers) return null;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="first-admin-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="first-admin-title">
          {t('login.firstAdminTitle')}
        </Title>
        <Text size="sm">{t('login.firstAdminBody')}</Text>
        <Code block className="wrap-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
          npx rodyna users create --username admin --role system_admin --organisation &lt;id&gt;
        </Code>
        <Text size="sm">{t('login.firstAdminHint')}</Text>
      </Stack>
    </Paper>
  );
}
