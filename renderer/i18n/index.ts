import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { es } from './es';
import type { Language } from '../stores/settings-store';

export const RESOURCES = { en: { translation: en }, es: { translation: es } } as const;

/** Every UI string goes through i18next from the start; English is the fallback. */
export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: RESOURCES,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

export const t = (key: string, params?: Record<string, unknown>): string => i18next.t(key, params ?? {});
export { i18next };
