import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { CaseSection } from '../cases/case-sections.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { reviewsQuery } from './closure.queries.ts';

const achievementColor = { fully: 'green', partially: 'yellow', not_achieved: 'red' } as const;

/** Reviews and case conferences, newest first, with the next review due (SPEC §2.13, §2.15). */
export function ReviewsSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const reviews = useQuery(reviewsQuery(c.id));
  const items = reviews.data?.items ?? [];
  const canRecord = (reviews.data?.allowedActions.includes('record') ?? false) && c.status === 'open';
  const latest = items[0];
  return (
    <CaseSection id="reviews-title" title={t('review.title')}>
      <ErrorAlert error={reviews.error} />
      {reviews.data?.nextReviewDue && (
        <Paper withBorder p="sm" radius="sm" bg="gray.0">
          <Text size="sm">
            <strong>{t('review.nextDue', { date: formatDate(reviews.data.nextReviewDue) })}</strong>
          </Text>
          <Text size="xs" c="dimmed">
            {t(`review.rule.${latest?.nextReviewRule ?? (c.complexity === 'complex' || c.complexity === 'emergency' ? 'review_complex' : 'review_other')}`)}
          </Text>
        </Paper>
      )}
      {reviews.data && items.length === 0 && <Text size="sm">{canRecord ? t('review.emptyCanAdd') : t('review.empty')}</Text>}
      {canRecord && (
        <Group>
          <ButtonLink to="/cases/$caseId/reviews/new" params={{ caseId: c.id }} variant="light">
            {t('review.add')}
          </ButtonLink>
        </Group>
      )}
      {items.map((r) => (
        <Paper key={r.id} withBorder p="sm" radius="sm" component="article" aria-label={t('review.itemLabel', { kind: t(`review.kind.${r.kind}`), date: formatDate(r.heldOn) })}>
          <Stack gap={6}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={700}>
                {formatDate(r.heldOn)}
              </Text>
              <Badge variant="light">{t(`review.kind.${r.kind}`)}</Badge>
              <Text size="sm">
                {t('review.decisionLabel')}: <strong>{t(`review.decision.${r.decision}`)}</strong>
              </Text>
            </Group>
            {r.participants.length > 0 && (
              <Text size="xs" c="dimmed">
                {t('review.participants')}: {r.participants.map((p) => [p.name, p.role].filter(Boolean).join(', ')).join('; ')}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {[r.childPresent ? t('review.childPresent') : t('review.childAbsent'), r.familyPresent ? t('review.familyPresent') : t('review.familyAbsent')].join(' · ')}
            </Text>
            {(r.childViews || r.childViewsNotHeardReason) && (
              <Text size="sm">
                {t('review.childViews')}: {r.childViews || r.childViewsNotHeardReason}
              </Text>
            )}
            <div className="table-scroll">
              <Table verticalSpacing={4}>
                <Table.Caption className="visually-hidden">{t('review.goalsCaption', { date: formatDate(r.heldOn) })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('review.columns.goal')}</Table.Th>
                    <Table.Th scope="col">{t('review.columns.achievement')}</Table.Th>
                    <Table.Th scope="col">{t('review.columns.comment')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.goalResults.map((g) => (
                    <Table.Tr key={g.goalKey}>
                      <Table.Td>{g.goal}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={achievementColor[g.achievement]}>
                          {t(`review.goalAchievement.${g.achievement}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{g.comment || t('common.none')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
            {r.decisionNotes && (
              <Text size="sm" className="prewrap">
                {r.decisionNotes}
              </Text>
            )}
            {r.permanencyPlanning && (
              <Text size="sm" className="prewrap">
                {t('review.permanency')}: {r.permanencyPlanning}
              </Text>
            )}
            <Group gap="md" wrap="wrap">
              {r.benchmarkRecordIds.length > 0 && (
                <AnchorLink to="/cases/$caseId" params={{ caseId: c.id }} search={{ tab: 'assessment' }} hash="benchmarks-title" size="sm">
                  {t('review.benchmarksRescored')}
                </AnchorLink>
              )}
              <Text size="xs" c="dimmed">
                {t('review.nextDueAfter', { date: formatDate(r.nextReviewDue) })} · {r.recordedBy.name}
              </Text>
            </Group>
          </Stack>
        </Paper>
      ))}
    </CaseSection>
  );
}
