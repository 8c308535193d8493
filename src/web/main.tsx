import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/i18n.ts';
import { createAppRouter } from './router.tsx';
import { ApiError, setUnauthorizedHandler } from './ui/api-client.ts';
import { LocalisedDatesProvider } from './ui/dates-provider.tsx';
import { cssVariablesResolver, theme } from './ui/theme.ts';
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

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('#root missing in index.html');

createRoot(rootElement).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <LocalisedDatesProvider>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </LocalisedDatesProvider>
    </MantineProvider>
  </StrictMode>,
);
