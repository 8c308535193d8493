import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordsTable } from '../../ui/records-table.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { CaseSection } from '../cases/case-sections.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { deliveredServicesQuery } from '../implementation/implementation.queries.ts';
import { childName, ReferralBadges, ResponseDeadline } from './referral-badges.tsx';
import { ReferralDeliveryModal } from './referral-delivery.tsx';
import { ReferralForm } from './referral-form.tsx';
import { ReferralPanel } from './referral-panel.tsx';
import type { Referral } from './referrals.api.ts';
import { caseReferralsQuery } from './referrals.queries.ts';
import { caseChildren } from '../cases/case-title.ts';

/**
 * The case's referrals to providers (SPEC §2.10, §4.3), on the work tab: service, provider, status, when sent, the
 * provider's answer deadline (met / overdue, with its source) and feedback; a new referral; each opens its panel.
 */
export function CaseReferrals({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const serviceOf = (r: Referral) => (en ? r.service.nameEn : r.service.nameUk);
  const list = useQuery(caseReferralsQuery(c.id));
  const [form, setForm] = useState<{ draft?: Referral } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [recording, setRecording] = useState<Referral | null>(null);
  // A completed referral's service is logged by the worker on the case (delivered services), not by the provider.
  const delivered = useQuery(deliveredServicesQuery(c.id));
  const mayRecord = delivered.data?.allowedActions.includes('create') ?? false;
  const [notice, setNotice] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const canCreate = list.data?.allowedActions.includes('create') ?? false;
  return (
    <CaseSection id="referrals-title" title={t('referrals.case.title')}>
      <ErrorAlert error={list.error} />
      {notice && (
        <Alert color="green" variant="light" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <RecordsTable
        caption={t('referrals.case.caption')}
        rows={list.data ? items : undefined}
        rowKey={(r) => r.id}
        empty={canCreate ? t('referrals.case.emptyCanAdd') : t('referrals.case.empty')}
        columns={[
          {
            key: 'service',
            header: t('referrals.columns.service'),
            rowHeader: true,
            cellProps: { fw: 500, miw: 160 },
            cell: (r) => (
              <>
                {serviceOf(r)}
                {caseChildren(c).length > 1 && (
                  <Text size="xs" c="dimmed">
                    {childName(r)}
                  </Text>
                )}
              </>
            ),
          },
          { key: 'provider', header: t('referrals.columns.provider'), cellProps: { miw: 160 }, cell: (r) => (en ? r.provider.nameEn : r.provider.nameUk) },
          { key: 'status', header: t('referrals.columns.status'), cell: (r) => <ReferralBadges r={r} /> },
          { key: 'sentAt', header: t('referrals.columns.sentAt'), nowrap: true, cell: (r) => (r.sentAt ? formatDate(r.sentAt) : t('common.none')) },
          { key: 'response', header: t('referrals.columns.response'), cellProps: { miw: 150 }, cell: (r) => <ResponseDeadline r={r} /> },
          {
            key: 'feedback',
            header: t('referrals.columns.feedback'),
            cellProps: { miw: 160 },
            cell: (r) => (
              <>
                {r.declineReason && (
                  <Text size="sm" fw={700}>
                    {t(`referrals.declineReason.${r.declineReason}`)}
                  </Text>
                )}
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.feedback || (r.declineReason ? '' : t('common.none'))}
                </Text>
              </>
            ),
          },
          {
            key: 'action',
            header: t('referrals.columns.action'),
            cell: (r) => (
              <Stack gap={4} align="flex-start">
                <Button size="compact-sm" variant="light" onClick={() => setOpenId(r.id)} aria-label={t('referrals.openFor', { service: serviceOf(r), child: childName(r) })}>
                  {t('referrals.open')}
                </Button>
                {r.status === 'completed' && mayRecord && (
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => {
                      setNotice(null);
                      setRecording(r);
                    }}
                    aria-label={t('referrals.delivery.recordFor', { service: serviceOf(r), child: childName(r) })}
                  >
                    {t('referrals.delivery.record')}
                  </Button>
                )}
              </Stack>
            ),
          },
        ]}
      />
      {canCreate && (
        <Group>
          <Button
            variant="light"
            onClick={() => {
              setNotice(null);
              setForm({});
            }}
          >
            {t('referrals.case.add')}
          </Button>
        </Group>
      )}
      {form && (
        <ReferralForm
          c={c}
          draft={form.draft}
          onClose={() => setForm(null)}
          onSaved={(_r, sent) => {
            setForm(null);
            setNotice(sent ? t('referrals.form.sent') : t('referrals.form.savedDraft'));
          }}
        />
      )}
      {recording && (
        <ReferralDeliveryModal
          c={c}
          r={recording}
          onClose={() => setRecording(null)}
          onSaved={() => {
            setRecording(null);
            setNotice(t('referrals.delivery.saved'));
          }}
        />
      )}
      {openId && (
        <ReferralPanel
          referralId={openId}
          onClose={() => setOpenId(null)}
          onEdit={(r) => {
            setOpenId(null);
            setForm({ draft: r });
          }}
        />
      )}
    </CaseSection>
  );
}
