import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { BodyForm } from '../features/panels/body-form.tsx';
import { useTranslation } from 'react-i18next';
import { canListBodies, canReadPanelAnalytics } from '#domain/access/panel-policy.ts';
import { actorOf, useMe } from '../features/auth/auth.queries.ts';
import { fetchBodies, panelKeys } from '../features/panels/panels.api.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { RecordsTable } from '../ui/records-table.tsx';

/** «Комісії» — panels and coordination bodies with their flags (SPEC §3, §9); names of bodies only, no persons. */
export function PanelsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const allowed = canListBodies(actorOf(me));
  usePageTitle(allowed ? t('panels.title') : t('common.notFoundTitle'));
  const q = useQuery({ queryKey: panelKeys.bodies, queryFn: fetchBodies, enabled: allowed });
  if (!allowed) return <NotFound />;
  const en = i18n.language === 'en';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('panels.title')}</Title>
          <Text c="dimmed" size="sm" maw={820}>
            {t('panels.intro')}
          </Text>
        </div>
        {canReadPanelAnalytics(actorOf(me)) && <AnchorLink to="/panels/analytics">{t('panels.analyticsLink')}</AnchorLink>}
      </Group>
      {q.error && <ErrorAlert error={q.error} />}
      {q.isPending ? (
        <PageLoader />
      ) : (
        <RecordsTable
          caption={t('panels.caption')}
          rows={q.data?.items}
          rowKey={(b) => b.id}
          empty={t('panels.empty')}
          columns={[
            { key: 'name', header: t('panels.columns.name'), rowHeader: true, cell: (b) => (b.allowedActions.includes('read') ? <AnchorLink to="/panels/$bodyId" params={{ bodyId: b.id }}>{en && b.nameEn ? b.nameEn : b.nameUk}</AnchorLink> : en && b.nameEn ? b.nameEn : b.nameUk) },
            { key: 'kind', header: t('panels.columns.kind'), cell: (b) => t(`panels.kind.${b.kind}`) },
            { key: 'territory', header: t('panels.columns.territory'), cell: (b) => (en ? b.territory.nameEn : b.territory.nameUk) },
            { key: 'members', header: t('panels.columns.members'), cell: (b) => b.currentMembers },
            { key: 'lived', header: t('panels.columns.lived'), cell: (b) => b.livedExperienceMembers },
            { key: 'meetings', header: t('panels.columns.meetings'), cell: (b) => b.meetingsHeld },
            { key: 'last', header: t('panels.columns.last'), nowrap: true, cell: (b) => formatDate(b.lastMeetingOn) || '—' },
            {
              key: 'flags',
              header: t('panels.columns.flags'),
              cell: (b) => (
                <Group gap={4}>
                  {b.notMetInQuarter && <Badge color="red" variant="light">{t('panels.notMetInQuarter')}</Badge>}
                  {b.mentoring && <Badge color="blue" variant="light">{t('panels.mentoring')}</Badge>}
                </Group>
              ),
            },
          ]}
        />
      )}
      {q.data && q.data.places.length > 0 && <BodyForm places={q.data.places} />}
    </Stack>
  );
}
