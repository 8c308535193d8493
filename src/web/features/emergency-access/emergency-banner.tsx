import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../ui/format.ts';
import type { CaseDetail } from '../cases/cases.api.ts';

/** The red banner over a case opened by emergency access: until when, view only, recorded (SPEC §11). */
export function EmergencyBanner({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  if (c.accessMode !== 'emergency') return null;
  return (
    <Alert color="red" variant="filled" role="status" title={t('emergencyAccess.bannerTitle')}>
      {t('emergencyAccess.banner', { number: c.number, time: c.emergencyUntil ? formatTime(c.emergencyUntil) : '—' })}
    </Alert>
  );
}
