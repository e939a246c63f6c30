import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { DEFAULT_WEDGE_SETTINGS, type WedgeSettings } from '../scanner/wedge-detector';

export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];

interface SettingsState {
  language: Language;
  wedge: WedgeSettings;
  sound: boolean;
  setLanguage(language: Language): void;
  setWedge(patch: Partial<WedgeSettings>): void;
  setSound(on: boolean): void;
}

function initialLanguage(): Language {
  const nav = typeof navigator === 'undefined' ? 'en' : navigator.language.slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(nav) ? (nav as Language) : 'en';
}

/** Per-device preferences; kept in localStorage (not facts, nothing to sync). */
export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      language: initialLanguage(),
      wedge: DEFAULT_WEDGE_SETTINGS,
      sound: true,
      setLanguage: (language) => set({ language }),
      setWedge: (patch) => set((s) => ({ wedge: { ...s.wedge, ...patch } })),
      setSound: (sound) => set({ sound }),
    }),
    { name: 'dockscan.settings', version: 1 },
  ),
);
