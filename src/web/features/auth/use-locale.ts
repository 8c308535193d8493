import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLocale, type Locale } from '../../i18n/i18n.ts';
import { saveLocale, type Me } from './auth.api.ts';
import { meQuery } from './auth.queries.ts';

/** The interface language and a setter that also remembers it for the signed-in user. */
export function useLocale(): { locale: Locale; setLocale: (locale: Locale) => void } {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'uk';
  const setLocale = useCallback(
    (next: Locale) => {
      void applyLocale(next);
      const me = queryClient.getQueryData<Me>(meQuery.queryKey);
      if (me && me.locale !== next) {
        queryClient.setQueryData<Me>(meQuery.queryKey, { ...me, locale: next });
        // Remembered per user; a failure only means the choice lasts for this device.
        saveLocale(next).catch(() => {});
      }
    },
    [queryClient],
  );
  return { locale, setLocale };
}
