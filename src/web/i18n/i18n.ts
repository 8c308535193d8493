import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { uk } from './uk.ts';

/** Interface languages; Ukrainian is the default (UX conventions). */
export const locales = ['uk', 'en'] as const;
/** One interface language. */
export type Locale = (typeof locales)[number];

const storageKey = 'rodyna.locale';

/** The language remembered on this device (used before login), Ukrainian by default. */
export function readStoredLocale(): Locale {
  try {
    const v = window.localStorage.getItem(storageKey);
    return v === 'en' || v === 'uk' ? v : 'uk';
  } catch {
    return 'uk';
  }
}

/** Switches the interface language and remembers it on this device. */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = locale;
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}

/** The current interface language. */
export function currentLocale(): Locale {
  return i18next.language === 'en' ? 'en' : 'uk';
}

/** Initialises i18next with both catalogues bundled (they are small). */
export function initI18n(): typeof i18next {
  const lng = readStoredLocale();
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    resources: { uk: { translation: uk }, en: { translation: en } },
    lng,
    fallbackLng: 'uk',
    supportedLngs: ['uk', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}
