import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../i18n/i18n.ts';

type LanguageSwitchProps = {
  value: Locale;
  onChange: (locale: Locale) => void;
  /** `header` is white on the dark header; `page` is on a light background. */
  tone?: 'header' | 'page';
};

/** UK / EN toggle; each button names its language in that language (WCAG 3.1.2). */
export function LanguageSwitch({ value, onChange, tone = 'page' }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const options: Array<{ locale: Locale; short: string; name: string }> = [
    { locale: 'uk', short: 'УКР', name: t('app.languageUk') },
    { locale: 'en', short: 'EN', name: t('app.languageEn') },
  ];
  return (
    <Group gap={4} role="group" aria-label={t('app.language')} wrap="nowrap">
      {options.map((o) => {
        const active = o.locale === value;
        return (
          <Button
            key={o.locale}
            size="compact-sm"
            lang={o.locale}
            aria-label={o.name}
            aria-pressed={active}
            variant={active ? (tone === 'header' ? 'white' : 'filled') : tone === 'header' ? 'outline' : 'default'}
            color={tone === 'header' && !active ? 'gray.0' : 'blue'}
            onClick={() => onChange(o.locale)}
          >
            {o.short}
          </Button>
        );
      })}
    </Group>
  );
}
