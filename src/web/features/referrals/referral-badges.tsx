import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReferralStatus } from '#domain/services/referrals.ts';
import { toKyivDate } from '../../ui/format.ts';
import { DeadlineInfo } from '../cases/case-badges.tsx';
import { formatFullName } from '../persons/person-name.ts';
import type { Referral } from './referrals.api.ts';

const statusColor: Record<ReferralStatus, { color: string; variant: 'light' | 'filled' | 'outline' }> = {
  draft: { color: 'gray', variant: 'outline' },
  sent: { color: 'blue', variant: 'light' },
  accepted: { color: 'teal', variant: 'light' },
  declined: { color: 'red', variant: 'light' },
  in_service: { color: 'indigo', variant: 'light' },
  completed: { color: 'green', variant: 'filled' },
  dropped: { color: 'gray', variant: 'light' },
};

/** The status of a referral in words (and colour). */
export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  const s = statusColor[status];
  return (
    <Badge color={s.color} variant={s.variant} style={{ flexShrink: 0 }}>
      {t(`referrals.status.${status}`)}
    </Badge>
  );
}

/** Status, and «Екстрене» for an emergency referral. */
export function ReferralBadges({ r }: { r: Referral }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <ReferralStatusBadge status={r.status} />
      {r.urgency === 'emergency' && (
        <Badge color="red" variant="filled">
          {t('referrals.emergencyBadge')}
        </Badge>
      )}
    </Group>
  );
}

/** The provider's answer deadline with met / overdue and its legal source; «ще не надіслано» for a draft. */
export function ResponseDeadline({ r }: { r: Referral }) {
  const { t } = useTranslation();
  if (!r.responseDeadline) {
    return (
      <Text size="sm" c="dimmed">
        {t('referrals.notSent')}
      </Text>
    );
  }
  const d = r.responseDeadline;
  return <DeadlineInfo withName={false} deadline={{ key: 'referral_response', dueDate: d.dueDate, status: d.status, sourceUk: d.sourceUk, sourceEn: d.sourceEn, metOn: r.respondedAt ? toKyivDate(r.respondedAt) : null }} />;
}

/** «Прізвище Ім’я По батькові». */
export function childName(r: Referral): string {
  return formatFullName({ surname: r.child.surname, givenName: r.child.givenName, patronymic: r.child.patronymic });
}
