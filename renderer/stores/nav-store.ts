import { create } from 'zustand';

export type Screen = 'receiving' | 'putaway' | 'picking' | 'packing' | 'shipping' | 'orders' | 'outcomes' | 'settings';

/** Which screen is on show once logged in (no URL routing: a scanner app has a handful of screens). */
export const useNav = create<{ screen: Screen; go(screen: Screen): void }>()((set) => ({
  screen: 'receiving',
  go: (screen) => set({ screen }),
}));
