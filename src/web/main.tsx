import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/i18n.ts';
import { createAppRouter } from './router.tsx';
import { ApiError, setUnauthorizedHandler } from './ui/api-client.ts';
import { LocalisedDatesProvider } from './ui/dates-provider.tsx';
import { cssVariablesResolver, localisedTheme } from './ui/theme.ts';
import './ui/styles.ts';

initI18n();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (401, 403, 404, 422) will not change on retry; network and server errors may.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createAppRouter(queryClient);

// Any 401 (session expired) sends the user to the login page, coming back here afterwards.
setUnauthorizedHandler(() => {
  const here = router.state.location.href;
  queryClient.removeQueries({ queryKey: ['auth', 'me'] });
  if (router.state.location.pathname !== '/login') void router.navigate({ to: '/login', search: here === '/' ? {} : { redirect: here }, ignoreBlocker: true });
});

/** Mantine with the theme of the current interface language. */
function ThemeProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const theme = useMemo(
    () =>
      localisedTheme({
        previousMonth: t('common.calendar.previousMonth'),
        nextMonth: t('common.calendar.nextMonth'),
        previousYear: t('common.calendar.previousYear'),
        nextYear: t('common.calendar.nextYear'),
        previousDecade: t('common.calendar.previousDecade'),
        nextDecade: t('common.calendar.nextDecade'),
        monthLevelControl: t('common.calendar.monthLevel'),
        yearLevelControl: t('common.calendar.yearLevel'),
      }),
    // `t` changes when the language does.
    [t, i18n.language],
  );
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      {children}
    </MantineProvider>
  );
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('#root missing in index.html');

createRoot(rootElement).render(
  <StrictMode>
    <ThemeProvider>
      <LocalisedDatesProvider>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </LocalisedDatesProvider>
    </ThemeProvider>
  </StrictMode>,
);
