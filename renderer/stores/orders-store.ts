import { create } from 'zustand';

/** What the Orders screen is searching for: typed, or the last order barcode scanned. */
export const useOrderSearch = create<{ query: string; setQuery(query: string): void }>()((set) => ({
  query: '',
  setQuery: (query) => set({ query }),
}));
