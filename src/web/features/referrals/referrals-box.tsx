import { Alert, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referralStatuses, type ReferralStatus } from '#domain/services/referrals.ts';
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
      ) : items.length === 0 ? (
        <Alert color="gray" variant="light" role="status">
          {t('referrals.empty')}
        </Alert>
      ) : (
        <div className="table-scroll">
          <Table verticalSpacing="xs" striped>
            <Table.Caption className="visually-hidden">{t(`referrals.boxCaption.${box}`)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('referrals.columns.service')}</Table.Th>
                <Table.Th scope="col">{t('referrals.columns.child')}</Table.Th>
                <Table.Th scope="col">{box === 'incoming' ? t('referrals.columns.from') : t('referrals.columns.provider')}</Table.Th>
                {box === 'outgoing' && <Table.Th scope="col">{t('referrals.columns.case')}</Table.Th>}
                <Table.Th scope="col">{t('referrals.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('referrals.columns.sentAt')}</Table.Th>
                <Table.Th scope="col">{t('referrals.columns.response')}</Table.Th>
                <Table.Th scope="col">{t('referrals.columns.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => {
                const service = en ? r.service.nameEn : r.service.nameUk;
                return (
                  <Table.Tr key={r.id}>
                    <Table.Th scope="row" fw={500} miw={160}>
                      {service}
                    </Table.Th>
                    <Table.Td miw={160}>{t('referrals.childLine', { name: childName(r), age: r.child.age })}</Table.Td>
                    <Table.Td miw={160}>
                      {box === 'incoming' ? (
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
                      )}
                    </Table.Td>
                    {box === 'outgoing' && (
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {r.case ? (
                          <AnchorLink to="/cases/$caseId" params={{ caseId: r.case.id }} search={{ tab: 'work' }}>
                            {r.case.number}
                          </AnchorLink>
                        ) : (
                          t('common.none')
                        )}
                      </Table.Td>
                    )}
                    <Table.Td>
                      <ReferralBadges r={r} />
                      {r.declineReason && (
                        <Text size="xs" mt={2}>
                          {t(`referrals.declineReason.${r.declineReason}`)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.sentAt ? formatDate(r.sentAt) : t('common.none')}</Table.Td>
                    <Table.Td miw={150}>
                      <ResponseDeadline r={r} />
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" variant="light" onClick={() => setOpenId(r.id)} aria-label={t('referrals.openFor', { service, child: childName(r) })}>
                        {t('referrals.open')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
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
