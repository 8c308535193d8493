import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { disaggregations, type Disaggregation } from '#domain/indicators/dimensions.ts';
import { referralStatuses, type ReferralStatus } from '#domain/services/referrals.ts';
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
      // A role that requires a second factor, not yet enrolled: the session may only enrol (SPEC §11).
      if (me.secondFactorEnrolmentRequired && location.pathname !== '/security') throw redirect({ to: '/security' });
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

const inboxStatuses = ['received', 'registered', 'declined'] as const;
const notificationsInboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications/inbox',
  validateSearch: (search: Record<string, unknown>): { status?: (typeof inboxStatuses)[number]; open?: string } => ({
    ...(inboxStatuses.find((s) => s === search.status) ? { status: search.status as (typeof inboxStatuses)[number] } : {}),
    ...(typeof search.open === 'string' ? { open: search.open } : {}),
  }),
  component: lazyRouteComponent(() => import('./pages/notifications-inbox-page.tsx'), 'NotificationsInboxPage'),
});

const safetyActRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId/safety-act',
  validateSearch: (search: Record<string, unknown>): { child?: string } => (typeof search.child === 'string' ? { child: search.child } : {}),
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

// Monitoring, review and closure forms (benchmarks, home visits, reviews, closure request).
const benchmarksRecordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId/benchmarks/new',
  component: lazyRouteComponent(() => import('./pages/benchmarks-record-page.tsx'), 'BenchmarksRecordPage'),
});
const homeVisitNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId/home-visits/new',
  component: lazyRouteComponent(() => import('./pages/home-visit-new-page.tsx'), 'HomeVisitNewPage'),
});
const reviewNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId/reviews/new',
  component: lazyRouteComponent(() => import('./pages/review-new-page.tsx'), 'ReviewNewPage'),
});
const closureRequestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId/closure/new',
  component: lazyRouteComponent(() => import('./pages/closure-request-page.tsx'), 'ClosureRequestPage'),
});

// Services: referrals, providers register, service catalogue, unmet need (SPEC §4.1–§4.3).
const referralsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/referrals',
  validateSearch: (search: Record<string, unknown>): { box?: 'outgoing' | 'incoming'; status?: ReferralStatus } => ({
    ...(search.box === 'outgoing' || search.box === 'incoming' ? { box: search.box } : {}),
    ...(typeof search.status === 'string' && (referralStatuses as readonly string[]).includes(search.status) ? { status: search.status as ReferralStatus } : {}),
  }),
  component: lazyRouteComponent(() => import('./pages/referrals-page.tsx'), 'ReferralsPage'),
});
const providersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/providers',
  component: lazyRouteComponent(() => import('./pages/providers-page.tsx'), 'ProvidersPage'),
});
const providerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/providers/$providerId',
  validateSearch: (search: Record<string, unknown>): { created?: 'yes' } => (search.created === 'yes' ? { created: 'yes' } : {}),
  component: lazyRouteComponent(() => import('./pages/provider-page.tsx'), 'ProviderPage'),
});
const serviceCatalogueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/service-catalogue',
  component: lazyRouteComponent(() => import('./pages/service-catalogue-page.tsx'), 'ServiceCataloguePage'),
});
// Institutions and their transformation (SPEC §6).
const securitySettingsRoute = createRoute({ getParentRoute: () => appRoute, path: '/security', component: lazyRouteComponent(() => import('./pages/security-settings-page.tsx'), 'SecuritySettingsPage') });
const institutionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/institutions',
  component: lazyRouteComponent(() => import('./pages/institutions-page.tsx'), 'InstitutionsPage'),
});
// M&E indicators and their tables (SPEC §10).
const indicatorsRoute = createRoute({ getParentRoute: () => appRoute, path: '/indicators', component: lazyRouteComponent(() => import('./pages/indicators-page.tsx'), 'IndicatorsPage') });
// Gatekeeping panels and coordination bodies (SPEC §3, §9).
const panelsRoute = createRoute({ getParentRoute: () => appRoute, path: '/panels', component: lazyRouteComponent(() => import('./pages/panels-page.tsx'), 'PanelsPage') });
const panelAnalyticsRoute = createRoute({ getParentRoute: () => appRoute, path: '/panels/analytics', component: lazyRouteComponent(() => import('./pages/panel-analytics-page.tsx'), 'PanelAnalyticsPage') });
const panelBodyRoute = createRoute({ getParentRoute: () => appRoute, path: '/panels/$bodyId', component: lazyRouteComponent(() => import('./pages/panel-body-page.tsx'), 'PanelBodyPage') });
const panelMeetingRoute = createRoute({ getParentRoute: () => appRoute, path: '/panels/meetings/$meetingId', component: lazyRouteComponent(() => import('./pages/panel-meeting-page.tsx'), 'PanelMeetingPage') });
// Alternative family caregivers and matching (SPEC §5).
const caregiversRoute = createRoute({ getParentRoute: () => appRoute, path: '/caregivers', component: lazyRouteComponent(() => import('./pages/caregivers-page.tsx'), 'CaregiversPage') });
const caregiverRoute = createRoute({ getParentRoute: () => appRoute, path: '/caregivers/$caregiverId', component: lazyRouteComponent(() => import('./pages/caregiver-page.tsx'), 'CaregiverPage') });
const matchingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId/matching',
  validateSearch: (search: Record<string, unknown>): { childId?: string } => (typeof search.childId === 'string' ? { childId: search.childId } : {}),
  component: lazyRouteComponent(() => import('./pages/matching-page.tsx'), 'MatchingPage'),
});
const institutionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/institutions/$institutionId',
  component: lazyRouteComponent(() => import('./pages/institution-page.tsx'), 'InstitutionPage'),
});
// Workforce: staff register, supervision log and cards, training and wellbeing, workforce need (SPEC §7, §8).
const staffRegisterRoute = createRoute({ getParentRoute: () => appRoute, path: '/staff', component: lazyRouteComponent(() => import('./pages/staff-register-page.tsx'), 'StaffRegisterPage') });
const supervisionLogRoute = createRoute({ getParentRoute: () => appRoute, path: '/supervision', component: lazyRouteComponent(() => import('./pages/supervision-log-page.tsx'), 'SupervisionLogPage') });
const supervisionSessionRoute = createRoute({ getParentRoute: () => appRoute, path: '/supervision/$sessionId', component: lazyRouteComponent(() => import('./pages/supervision-session-page.tsx'), 'SupervisionSessionPage') });
const myWorkforceRoute = createRoute({ getParentRoute: () => appRoute, path: '/my-workforce', component: lazyRouteComponent(() => import('./pages/my-workforce-page.tsx'), 'MyWorkforcePage') });
const workforceNeedRoute = createRoute({ getParentRoute: () => appRoute, path: '/workforce-need', component: lazyRouteComponent(() => import('./pages/workforce-need-page.tsx'), 'WorkforceNeedPage') });
// Community planning and the oblast costed plan (SPEC §8, §9).
const communityPlanningRoute = createRoute({ getParentRoute: () => appRoute, path: '/community-planning', component: lazyRouteComponent(() => import('./pages/community-planning-page.tsx'), 'CommunityPlanningPage') });
const communityProgrammeRoute = createRoute({ getParentRoute: () => appRoute, path: '/community-planning/programmes/$programmeId', component: lazyRouteComponent(() => import('./pages/community-programme-page.tsx'), 'CommunityProgrammePage') });
const communityNeedsRoute = createRoute({ getParentRoute: () => appRoute, path: '/community-planning/needs/$assessmentId', component: lazyRouteComponent(() => import('./pages/community-needs-page.tsx'), 'CommunityNeedsPage') });
const communitySummariesRoute = createRoute({ getParentRoute: () => appRoute, path: '/community-planning/summaries', component: lazyRouteComponent(() => import('./pages/community-summaries-page.tsx'), 'CommunitySummariesPage') });
const communitySummaryRoute = createRoute({ getParentRoute: () => appRoute, path: '/community-planning/summaries/$summaryId', component: lazyRouteComponent(() => import('./pages/community-summaries-page.tsx'), 'CommunitySummaryPage') });
const workforceSettingsRoute = createRoute({ getParentRoute: () => appRoute, path: '/admin/workforce-settings', component: lazyRouteComponent(() => import('./pages/workforce-settings-page.tsx'), 'WorkforceSettingsPage') });
const oblastPlanRoute = createRoute({ getParentRoute: () => appRoute, path: '/community-planning/oblast-plans/$planId', component: lazyRouteComponent(() => import('./pages/oblast-plan-page.tsx'), 'OblastPlanPage') });
const unmetNeedRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/unmet-need',
  component: lazyRouteComponent(() => import('./pages/unmet-need-page.tsx'), 'UnmetNeedPage'),
});

// M&E dashboards with the schematic map, exports and the DHIS2 push (SPEC §10.4).
const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboards',
  validateSearch: (search: Record<string, unknown>): { territoryId?: string; period?: string; code?: string; disaggregation?: Disaggregation } => ({
    ...(typeof search.territoryId === 'string' && /^[0-9a-f-]{36}$/i.test(search.territoryId) ? { territoryId: search.territoryId } : {}),
    ...(typeof search.period === 'string' && /^\d{4}Q[1-4]$/.test(search.period) ? { period: search.period } : {}),
    ...(typeof search.code === 'string' && /^[A-Z]{2}[0-9.a-z]{1,6}$/.test(search.code) ? { code: search.code } : {}),
    ...(typeof search.disaggregation === 'string' && (disaggregations as readonly string[]).includes(search.disaggregation) ? { disaggregation: search.disaggregation as Disaggregation } : {}),
  }),
  component: lazyRouteComponent(() => import('./pages/dashboard-page.tsx'), 'DashboardPage'),
});
const dashboardDhis2Route = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/dhis2',
  component: lazyRouteComponent(() => import('./pages/dashboard-dhis2-page.tsx'), 'DashboardDhis2Page'),
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
    notificationsInboxRoute,
    emergencyContactsRoute,
    approvalsRoute,
    teamRoute,
    deadlineRulesRoute,
    benchmarksRecordRoute,
    homeVisitNewRoute,
    reviewNewRoute,
    closureRequestRoute,
    referralsRoute,
    providersRoute,
    providerRoute,
    serviceCatalogueRoute,
    unmetNeedRoute,
    staffRegisterRoute,
    supervisionLogRoute,
    supervisionSessionRoute,
    myWorkforceRoute,
    workforceNeedRoute,
    communityPlanningRoute,
    communityProgrammeRoute,
    communityNeedsRoute,
    communitySummariesRoute,
    communitySummaryRoute,
    workforceSettingsRoute,
    oblastPlanRoute,
    institutionsRoute,
    indicatorsRoute,
    securitySettingsRoute,
    institutionRoute,
    panelsRoute,
    panelAnalyticsRoute,
    panelBodyRoute,
    panelMeetingRoute,
    caregiversRoute,
    caregiverRoute,
    matchingRoute,
    dashboardRoute,
    dashboardDhis2Route,
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
