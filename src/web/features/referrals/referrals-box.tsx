import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referralStatuses, type ReferralStatus } from '#domain/services/referrals.ts';
import { RecordsTable } from '../../ui/records-table.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { childName, ReferralBadges, ResponseDeadline } from './referral-badges.tsx';
import { ReferralPanel } from './referral-panel.tsx';
import type { ReferralBox } from './referrals.api.ts';
import { referralsBoxQuery } from './referrals.queries.ts';

type Props = { box: ReferralBox; status: ReferralStatus | undefined; onStatus: (s: ReferralStatus | undefined) => void };

/**
 * One box of referrals with a status filter. Incoming: what the referral carries (child, age, who referred) and the
 * provider's steps; outgoing: the provider, the case, and the provider's answer and feedback.
 */
export function ReferralsBox({ box, status, onStatus }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const serviceOf = (r: { service: { nameUk: string; nameEn: string } }) => (en ? r.service.nameEn : r.service.nameUk);
  const list = useInfiniteQuery(referralsBoxQuery(box, status));
  const [openId, setOpenId] = useState<string | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // Drafts never reach the provider.
  const statuses = box === 'incoming' ? referralStatuses.filter((s) => s !== 'draft') : referralStatuses;
  return (
    <Stack gap="sm">
      <Group>
        <Select
          label={t('referrals.statusFilter')}
          placeholder={t('referrals.allStatuses')}
          data={statuses.map((s) => ({ value: s, label: t(`referrals.status.${s}`) }))}
          value={status ?? null}
          onChange={(v) => onStatus((v ?? undefined) as ReferralStatus | undefined)}
          clearable
          clearButtonProps={{ 'aria-label': t('referrals.allStatuses') }}
          w={260}
        />
      </Group>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <PageLoader />
      ) : (
        <RecordsTable
          caption={t(`referrals.boxCaption.${box}`)}
          tableProps={{ striped: true }}
          rows={items}
          rowKey={(r) => r.id}
          empty={
            <Alert color="gray" variant="light" role="status">
              {t('referrals.empty')}
            </Alert>
          }
          columns={[
            { key: 'service', header: t('referrals.columns.service'), rowHeader: true, cellProps: { fw: 500, miw: 160 }, cell: (r) => serviceOf(r) },
            { key: 'child', header: t('referrals.columns.child'), cellProps: { miw: 160 }, cell: (r) => t('referrals.childLine', { name: childName(r), age: r.child.age }) },
            {
              key: 'party',
              header: box === 'incoming' ? t('referrals.columns.from') : t('referrals.columns.provider'),
              cellProps: { miw: 160 },
              cell: (r) =>
                box === 'incoming' ? (
                  <>
                    {en ? r.referringOrganisation.nameEn : r.referringOrganisation.nameUk}
                    <Text size="xs" c="dimmed">
                      {r.referredBy.name}
                    </Text>
                  </>
                ) : en ? (
                  r.provider.nameEn
                ) : (
                  r.provider.nameUk
                ),
            },
            box === 'outgoing' && {
              key: 'case',
              header: t('referrals.columns.case'),
              nowrap: true,
              cell: (r) =>
                r.case ? (
                  <AnchorLink to="/cases/$caseId" params={{ caseId: r.case.id }} search={{ tab: 'work' }}>
                    {r.case.number}
                  </AnchorLink>
                ) : (
                  t('common.none')
                ),
            },
            {
              key: 'status',
              header: t('referrals.columns.status'),
              cell: (r) => (
                <>
                  <ReferralBadges r={r} />
                  {r.declineReason && (
                    <Text size="xs" mt={2}>
                      {t(`referrals.declineReason.${r.declineReason}`)}
                    </Text>
                  )}
                </>
              ),
            },
            { key: 'sentAt', header: t('referrals.columns.sentAt'), nowrap: true, cell: (r) => (r.sentAt ? formatDate(r.sentAt) : t('common.none')) },
            { key: 'response', header: t('referrals.columns.response'), cellProps: { miw: 150 }, cell: (r) => <ResponseDeadline r={r} /> },
            {
              key: 'action',
              header: t('referrals.columns.action'),
              cell: (r) => (
                <Button size="compact-sm" variant="light" onClick={() => setOpenId(r.id)} aria-label={t('referrals.openFor', { service: serviceOf(r), child: childName(r) })}>
                  {t('referrals.open')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {list.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      {openId && <ReferralPanel referralId={openId} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}
