import { useTranslation } from 'react-i18next';
import { NotificationForm } from '../features/intake/notification-form.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** «Нове повідомлення» — the notification form (Order 1005). */
export function IntakePage() {
  const { t } = useTranslation();
  usePageTitle(t('intake.title'));
  return <NotificationForm />;
}
