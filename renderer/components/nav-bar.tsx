import { useTranslation } from 'react-i18next';
import { logOut } from '../services/auth-actions';
import { useServices } from '../services/services-context';
import { useNav, type Screen } from '../stores/nav-store';

const SCREENS: Screen[] = ['receiving', 'outcomes', 'settings'];

export function NavBar() {
  const { t } = useTranslation();
  const services = useServices();
  const { screen, go } = useNav();
  return (
    <nav className="nav" aria-label="main">
      {SCREENS.map((s) => (
        <button key={s} type="button" aria-current={screen === s ? 'page' : undefined} onClick={() => go(s)} data-testid={`nav-${s}`}>
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
