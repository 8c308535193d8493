import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The «приховано» marker shown where a list masks a sensitive field (SPEC §11: abuse details, health, disability are
 * shown in lists only to those on the case). The hint says why, for screen readers and on hover.
 */
export function HiddenMarker() {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray" size="sm" title={t('privacy.hiddenHint')} aria-label={`${t('privacy.hidden')}. ${t('privacy.hiddenHint')}`}>
      {t('privacy.hidden')}
    </Badge>
  );
}
