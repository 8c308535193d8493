import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { isApiError } from './ui/api-client.ts';
import { isReporterOnly, meQuery } from './features/auth/auth.queries.ts';
import { worklistQuery } from './features/cases/cases.queries.ts';
import { AppShell } from './features/shell/app-shell.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { WorklistPage } from './pages/worklist-page.tsx';
import { NotFound } from './ui/not-found.tsx';
import { PageLoader } from './ui/page-loader.tsx';
import { RouteError } from './ui/route-error.tsx';

type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  component: LoginPage,
});

/** Everything behind the login: loads the user first; no session → login page. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    // Ask for the worklist while the session is being checked: one round trip less on a slow connection.
    if (location.pathname === '/' && !context.queryClient.getQueryData(worklistQuery.queryKey)) {
      void context.queryClient.prefetchInfiniteQuery(worklistQuery);
    }
    try {
      const me = await context.queryClient.ensureQueryData(meQuery);
      return { me };
    } catch (e) {
      if (isApiError(e, 401)) throw redirect({ to: '/login', search: location.href === '/' ? {} : { redirect: location.href } });
      throw e;
    }
  },
  component: AppShell,
  notFoundComponent: NotFound,
});

const worklistRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    // Reporters see only their own notifications and the form (SPEC §2.3).
    if (isReporterOnly(context.me)) throw redirect({ to: '/notifications' });
  },
  component: WorklistPage,
});

const caseTabs = ['overview', 'assessment', 'family', 'plan', 'work', 'care', 'review', 'history'] as const;
/** A tab of the case page. */
export type CaseTab = (typeof caseTabs)[number];
const isCaseTab = (v: unknown): v is CaseTab => typeof v === 'string' && (caseTabs as readonly string[]).includes(v);

const casePageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId',
  validateSearch: (search: Record<string, unknown>): { registered?: 'yes' | 'urgent'; tab?: CaseTab } => ({
    ...(search.registered === 'yes' || search.registered === 'urgent' ? { registered: search.registered } : {}),
    ...(isCaseTab(search.tab) ? { tab: search.tab } : {}),
  }),
  component: lazyRouteComponent(() => import('./pages/case-page.tsx'), 'CasePage'),
});

const needsAssessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId/needs-assessment',
  validateSearch: (search: Record<string, unknown>): { section?: string } =>
    typeof search.section === 'string' ? { section: search.section } : {},
  component: lazyRouteComponent(() => import('./pages/needs-assessment-page.tsx'), 'NeedsAssessmentPage'),
});

const intakeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications/new',
  component: lazyRouteComponent(() => import('./pages/intake-page.tsx'), 'IntakePage'),
});

const myNotificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  validateSearch: (search: Record<string, unknown>): { sent?: string } =>
    typeof search.sent === 'string' ? { sent: search.sent } : {},
  component: lazyRouteComponent(() => import('./pages/my-notifications-page.tsx'), 'MyNotificationsPage'),
});

const safetyActRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId/safety-act',
  component: lazyRouteComponent(() => import('./pages/safety-act-page.tsx'), 'SafetyActPage'),
});

const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId/plans/$planId',
  component: lazyRouteComponent(() => import('./pages/plan-page.tsx'), 'PlanPage'),
});

const emergencyContactsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/emergency-contacts',
  component: lazyRouteComponent(() => import('./pages/emergency-contacts-page.tsx'), 'EmergencyContactsPage'),
});

const approvalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/approvals',
  component: lazyRouteComponent(() => import('./pages/approvals-page.tsx'), 'ApprovalsPage'),
});

const teamRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/team',
  component: lazyRouteComponent(() => import('./pages/team-page.tsx'), 'TeamPage'),
});

const deadlineRulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/deadline-rules',
  component: lazyRouteComponent(() => import('./pages/deadline-rules-page.tsx'), 'DeadlineRulesPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    worklistRoute,
    casePageRoute,
    needsAssessmentRoute,
    safetyActRoute,
    planRoute,
    intakeRoute,
    myNotificationsRoute,
    emergencyContactsRoute,
    approvalsRoute,
    teamRoute,
    deadlineRulesRoute,
  ]),
]);

/** Creates the router with the query client in its context. */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageLoader,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFound,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
