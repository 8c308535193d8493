import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { ButtonLink } from '../../ui/links.tsx';
import { DeadlineInfo } from '../cases/case-badges.tsx';
import { CaseSection } from '../cases/case-sections.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { homeVisitsQuery } from './implementation.queries.ts';

/** Home visits, latest first, with the next visit due by the monitoring schedule and its rule (SPEC §2.10, §2.12). */
export function HomeVisitsSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const visits = useQuery(homeVisitsQuery(c.id));
  const items = visits.data?.items ?? [];
  const canCreate = visits.data?.allowedActions.includes('create') ?? false;
  return (
    <CaseSection id="visits-title" title={t('work.visits.title')}>
      <ErrorAlert error={visits.error} />
      {visits.data?.nextVisit && (
        <Paper withBorder p="sm" radius="sm" bg="gray.0">
          <Text size="sm" fw={600}>
            {t('work.visits.nextVisit')}
          </Text>
          <DeadlineInfo deadline={visits.data.nextVisit} withName={false} />
        </Paper>
      )}
      {visits.data && items.length === 0 && <Text size="sm">{canCreate ? t('work.visits.emptyCanAdd') : t('work.visits.empty')}</Text>}
      {canCreate && (
        <Group>
          <ButtonLink to="/cases/$caseId/home-visits/new" params={{ caseId: c.id }} variant="light">
            {t('work.visits.add')}
          </ButtonLink>
        </Group>
      )}
      {items.length > 0 && (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('work.visits.title')}>
          {items.map((v) => (
            <Paper key={v.id} component="li" withBorder p="sm" radius="sm">
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {formatDate(v.doneDate ?? v.plannedDate)}
                </Text>
                <Badge variant="light" color={v.status === 'done' ? 'green' : 'blue'}>
                  {t(`work.visitStatus.${v.status}`)}
                </Badge>
                <Text size="sm">
                  {t(`work.visitPlace.${v.place}`)}
                  {v.address ? ` · ${v.address}` : ''}
                </Text>
                {v.safetyConcerns && (
                  <Badge color="red" variant="filled">
                    {t('work.visits.safetyConcernsBadge')}
                  </Badge>
                )}
              </Group>
              {v.childSeenAlone && (
                <Text size="sm" mt={4}>
                  {t('work.visits.childSeenAlone')}: <strong>{t(`work.childSeenAlone.${v.childSeenAlone}`)}</strong>
                  {v.childSeenAloneReason ? ` — ${v.childSeenAloneReason}` : ''}
                </Text>
              )}
              {(v.visitors.length > 0 || v.otherVisitors) && (
                <Text size="xs" c="dimmed">
                  {t('work.visits.visitors')}: {[...v.visitors.map((x) => x.name), v.otherVisitors].filter(Boolean).join(', ')}
                </Text>
              )}
              {(v.personsMet.length > 0 || v.othersMet) && (
                <Text size="xs" c="dimmed">
                  {t('work.visits.personsMet')}: {[...v.personsMet.map((x) => x.name), v.othersMet].filter(Boolean).join(', ')}
                </Text>
              )}
              {v.observations && (
                <Text size="sm" className="prewrap" mt={4}>
                  {v.observations}
                </Text>
              )}
              {v.safetyConcerns && v.safetyConcernsText && (
                <Text size="sm" c="red.9" className="prewrap" mt={4}>
                  {v.safetyConcernsText}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </CaseSection>
  );
}
