import { mayUseIndicators } from '../indicators/access.ts';
import { Box, Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../ui/language-switch.tsx';
import { logout } from '../auth/auth.api.ts';
import { clearPersonalDrafts } from '../../ui/local-drafts.ts';
import { actorOf, hasRole, isReporterOnly, useMe } from '../auth/auth.queries.ts';
import { useLocale } from '../auth/use-locale.ts';
import { DemoBanner } from './demo-banner.tsx';
import { mayUseDashboards, mayUseDhis2 } from '../dashboards/access.ts';
import { InboxNavLink } from '../inbox/inbox-nav-link.tsx';
import { mayRegisterCases } from '../inbox/may-register.ts';
import { mayListPanels } from '../panels/access.ts';
import { planningScopeOf } from '#domain/access/planning-policy.ts';
import { canCheckIn, canEditWorkforceSettings, mayOpenStaffRegister, mayOpenSupervisionLog, mayOpenWorkforceNeed } from '#domain/access/workforce-policy.ts';

function focusMain(e: MouseEvent<HTMLAnchorElement>) {
  e.preventDefault();
  const main = document.getElementById('main');
  main?.focus();
  main?.scrollIntoView();
}

/** The signed-in layout: skip link, demo banner, header with product, user, language and logout, navigation, main. */
export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const { locale, setLocale } = useLocale();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const reporterOnly = isReporterOnly(me);
  const organisations = [...new Set(me.grants.map((g) => g.organisationName))].join(', ');

  const onLogout = async () => {
    try {
      await logout();
    } finally {
      clearPersonalDrafts();
      queryClient.clear();
      void navigate({ to: '/login' });
    }
  };

  return (
    <>
      <a href="#main" className="skip-link" onClick={focusMain}>
        {t('app.skipToContent')}
      </a>
      <DemoBanner />
      <header className="app-header">
        <Box px={{ base: 'xs', sm: 'md' }} pt={6} maw={1232} mx="auto">
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text component={Link} to="/" fw={700} fz="xl" td="none" c="white">
              {t('app.name')}
            </Text>
            <Group gap="sm" wrap="nowrap" justify="flex-end">
              <Box ta="right" style={{ lineHeight: 1.2 }} visibleFrom="sm">
                <Text size="sm" fw={600} c="white">
                  {me.fullName}
                </Text>
                <Text size="xs" c="blue.0" className="wrap-anywhere">
                  {organisations}
                </Text>
              </Box>
              <LanguageSwitch value={locale} onChange={setLocale} tone="header" />
              <Button size="compact-sm" variant="white" onClick={() => void onLogout()}>
                {t('app.logout')}
              </Button>
            </Group>
          </Group>
          <Text size="xs" c="blue.0" hiddenFrom="sm" mt={2} truncate="end">
            {me.fullName} · {organisations}
          </Text>
          <nav className="app-nav" aria-label={t('app.nav.label')}>
            <Group gap={0} wrap="wrap" mt={2}>
              {!reporterOnly && (
                <Link to="/" activeOptions={{ exact: true, includeSearch: false }}>
                  {t('app.nav.worklist')}
                </Link>
              )}
              <Link to="/notifications/new">{t('app.nav.intake')}</Link>
              <Link to="/notifications" activeOptions={{ exact: true, includeSearch: false }}>
                {t('app.nav.myNotifications')}
              </Link>
              {mayRegisterCases(me) && <InboxNavLink />}
              {!reporterOnly && <Link to="/emergency-contacts">{t('emergency.nav')}</Link>}
              {hasRole(me, 'supervisor') && <Link to="/approvals">{t('approvals.nav')}</Link>}
              {hasRole(me, 'supervisor') && <Link to="/team">{t('team.nav')}</Link>}
              {mayOpenSupervisionLog(actorOf(me)) && <Link to="/supervision">{t('workforce.nav.supervision')}</Link>}
              {mayOpenStaffRegister(actorOf(me)) && <Link to="/staff">{t('workforce.nav.staff')}</Link>}
              {canCheckIn(actorOf(me)) && <Link to="/my-workforce">{t('workforce.nav.my')}</Link>}
              {mayOpenWorkforceNeed(actorOf(me)) && <Link to="/workforce-need">{t('workforce.nav.need')}</Link>}
              {hasRole(me, 'system_admin') && <Link to="/admin/deadline-rules">{t('deadlineRules.nav')}</Link>}
              {canEditWorkforceSettings(actorOf(me)) && <Link to="/admin/workforce-settings">{t('workforce.nav.settings')}</Link>}
              {(hasRole(me, 'case_manager') || hasRole(me, 'supervisor') || hasRole(me, 'provider_worker')) && <Link to="/referrals">{t('referrals.nav')}</Link>}
              {!reporterOnly && <Link to="/providers">{t('providers.nav')}</Link>}
              {(['community_planner', 'supervisor', 'oblast_coordinator', 'national_analyst'] as const).some((r) => hasRole(me, r)) && <Link to="/unmet-need">{t('unmetNeed.nav')}</Link>}
              {planningScopeOf(actorOf(me)) !== null && <Link to="/community-planning">{t('communityPlanning.nav')}</Link>}
              {(['child_affairs_specialist', 'community_planner', 'oblast_coordinator', 'national_analyst', 'system_admin'] as const).some((r) => hasRole(me, r)) && <Link to="/institutions">{t('institutions.nav')}</Link>}
              {(['case_manager', 'supervisor', 'child_affairs_specialist', 'community_planner'] as const).some((r) => hasRole(me, r)) && <Link to="/caregivers">{t('caregivers.nav')}</Link>}
              {mayListPanels(me) && <Link to="/panels">{t('panels.nav')}</Link>}
              {hasRole(me, 'system_admin') && <Link to="/admin/service-catalogue">{t('catalogue.nav')}</Link>}
              {mayUseDashboards(me) && <Link to="/dashboards">{t('dashboards.nav')}</Link>}
              {mayUseIndicators(me) && <Link to="/indicators">{t('indicators.nav')}</Link>}
              {mayUseDhis2(me) && <Link to="/admin/dhis2">{t('dashboards.dhis2.nav')}</Link>}
              <Link to="/security">{t('secondFactor.nav')}</Link>
            </Group>
          </nav>
        </Box>
      </header>
      <main id="main" tabIndex={-1} className="page">
        <Outlet />
      </main>
    </>
  );
}
