import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../features/auth/auth.queries.ts';
import type { ReferralBox } from '../features/referrals/referrals.api.ts';
import { ReferralsBox } from '../features/referrals/referrals-box.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/**
 * «Направлення» — the outgoing box (referrals of the cases the user works on) and the incoming box (referrals sent to
 * the user's provider organisation), as tabs shown per role; the box and status filter are kept in the address.
 */
export function ReferralsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { box, status } = useSearch({ from: '/app/referrals' });
  const navigate = useNavigate();
  const boxes: ReferralBox[] = [
    ...(hasRole(me, 'case_manager') || hasRole(me, 'supervisor') || hasRole(me, 'child_affairs_specialist') ? (['outgoing'] as const) : []),
    ...(hasRole(me, 'provider_worker') ? (['incoming'] as const) : []),
  ];
  usePageTitle(boxes.length > 0 ? t('referrals.title') : t('common.notFoundTitle'));
  if (boxes.length === 0) return <NotFound />;
  const active: ReferralBox = box && boxes.includes(box) ? box : (boxes[0] as ReferralBox);
  const onlyIncoming = boxes.length === 1 && active === 'incoming';
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('referrals.title')}</Title>
        <Text c="dimmed" size="sm" maw={820}>
          {onlyIncoming ? t('referrals.introProvider') : t('referrals.intro')}
        </Text>
      </div>
      <Tabs value={active} onChange={(v) => void navigate({ to: '.', search: { box: (v ?? boxes[0]) as ReferralBox }, replace: true })} keepMounted={false} variant="outline">
        <Tabs.List aria-label={t('referrals.title')}>
          {boxes.map((b) => (
            <Tabs.Tab key={b} value={b}>
              {t(`referrals.box.${b}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {boxes.map((b) => (
          <Tabs.Panel key={b} value={b} pt="md">
            <ReferralsBox box={b} status={status} onStatus={(s) => void navigate({ to: '.', search: (prev) => ({ ...prev, box: b, status: s }), replace: true })} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
