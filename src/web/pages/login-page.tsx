import { Box, Group, Stack, Text } from '@mantine/core';
import { useRouter, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FirstAdminHelp, LoginForm } from '../features/auth/login-form.tsx';
import { DemoBanner } from '../features/shell/demo-banner.tsx';
import { applyLocale, type Locale } from '../i18n/i18n.ts';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** The login page: demo banner, language switch, the form and first-administrator help. */
export function LoginPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('login.title'));
  const router = useRouter();
  const search = useSearch({ strict: false }) as { redirect?: string };
  const [languageChosenHere, setLanguageChosenHere] = useState(false);
  const locale: Locale = i18n.language === 'en' ? 'en' : 'uk';

  const onLocale = (next: Locale) => {
    setLanguageChosenHere(true);
    void applyLocale(next);
  };

  const onSignedIn = () => {
    const target = search.redirect && search.redirect.startsWith('/') && !search.redirect.startsWith('//') ? search.redirect : '/';
    router.history.replace(target);
  };

  return (
    <>
      <a href="#main" className="skip-link" onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('app.skipToContent')}
      </a>
      <DemoBanner />
      <header className="app-header">
        <Group justify="space-between" px="md" py="xs" maw={1232} mx="auto">
          <Box>
            <Text fw={700} fz="xl" c="white">{t('app.name')}</Text>
            <Text size="xs" c="blue.0">{t('app.tagline')}</Text>
          </Box>
          <LanguageSwitch value={locale} onChange={onLocale} tone="header" />
        </Group>
      </header>
      <main id="main" tabIndex={-1} className="page">
        <Stack maw={420} mx="auto" mt="xl" gap="lg">
          <LoginForm languageChosenHere={languageChosenHere} onSignedIn={onSignedIn} />
          <FirstAdminHelp />
        </Stack>
      </main>
    </>
  );
}
