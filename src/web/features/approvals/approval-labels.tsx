import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { diffInDays } from '#domain/calendar/iso-date.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { toKyivDate, todayInKyiv } from '../../ui/format.ts';
import type { Approval } from './approvals.api.ts';

const statusColor: Record<Approval['status'], string> = { pending: 'yellow', approved: 'green', returned: 'orange' };

/** Where an approval stands, in words and colour. */
export function ApprovalStatusBadge({ status }: { status: Approval['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant={status === 'pending' ? 'light' : 'filled'} style={{ textTransform: 'none' }}>
      {t(`approvals.status.${status}`)}
    </Badge>
  );
}

/** Calendar days since the request was sent (Kyiv dates). */
export function waitingDays(a: Approval): number {
  return Math.max(0, diffInDays(todayInKyiv(), toKyivDate(a.requestedAt)));
}

/** The case tab where the subject lives: the plan tab for plans, review and closure for closures. */
export function CaseOfApproval({ a }: { a: Approval }) {
  const { t } = useTranslation();
  return (
    <AnchorLink to="/cases/$caseId" params={{ caseId: a.case.id }} search={{ tab: a.kind === 'plan' ? 'plan' : 'review' }} className="wrap-anywhere" fw={600}>
      {a.case.title ? t('approvals.caseLink', { number: a.case.number, title: a.case.title }) : a.case.number}
    </AnchorLink>
  );
}
