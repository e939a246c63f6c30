import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { logOut } from '../services/auth-actions';
import { useServices } from '../services/services-context';
import { useNav, type Screen } from '../stores/nav-store';

const SCREENS: Screen[] = ['receiving', 'putaway', 'picking', 'packing', 'shipping', 'orders', 'outcomes', 'settings'];

/** Function keys a scanner never sends: F6-F10 jump to the floor screens and orders. */
const SHORTCUTS: Partial<Record<string, Screen>> = { F6: 'putaway', F7: 'picking', F8: 'packing', F9: 'shipping', F10: 'orders' };
const KEY_OF = Object.fromEntries(Object.entries(SHORTCUTS).map(([k, s]) => [s, k])) as Partial<Record<Screen, string>>;

export function NavBar() {
  const { t } = useTranslation();
  const services = useServices();
  const { screen, go } = useNav();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const to = SHORTCUTS[e.key];
      if (!to || e.ctrlKey || e.altKey || e.metaKey) return;
      e.preventDefault();
      go(to);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);
  return (
    <nav className="nav" aria-label="main">
      {SCREENS.map((s) => (
        <button key={s} type="button" aria-current={screen === s ? 'page' : undefined} onClick={() => go(s)} data-testid={`nav-${s}`} aria-keyshortcuts={KEY_OF[s]}>
          {t(`nav.${s}`)}
        </button>
      ))}
      <span className="spacer" />
      <button type="button" onClick={() => void logOut(services)} data-testid="nav-logout">
        {t('nav.logout')}
      </button>
    </nav>
  );
}
