/** Registers the app-shell worker in built apps (the dev server serves modules it cannot precache). */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((err: unknown) => {
    console.warn('The app will not open offline: service worker registration failed', err);
  });
}
