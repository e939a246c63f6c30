import { useCallback } from 'react';
import { FlashBanner } from './components/flash-banner';
import { NavBar } from './components/nav-bar';
import { SyncBar } from './components/sync-bar';
import { useScanTarget } from './scanner/scan-router';
import { BootstrapScreen } from './screens/bootstrap-screen';
import { EnrolScreen } from './screens/enrol-screen';
import { LoginScreen } from './screens/login-screen';
import { OutcomesScreen } from './screens/outcomes-screen';
import { ReceivingScreen } from './screens/receiving-screen';
import { ReceivingStartScreen } from './screens/receiving-start-screen';
import { SettingsScreen } from './screens/settings-screen';
import { logOut } from './services/auth-actions';
import { useServices } from './services/services-context';
import { useNav } from './stores/nav-store';
import { useReceiving } from './stores/receiving-store';
import { useSession } from './stores/session-store';
import { useSync } from './stores/sync-store';

function ReadyScreens() {
  const { receiving } = useServices();
  const screen = useNav((s) => s.screen);
  const session = useReceiving((s) => s.session);
  const bootstrap = useSync((s) => s.bootstrap);
  // Receiving takes scans on every screen: a scanned PO is always "receive this".
  useScanTarget(useCallback((raw: string) => void receiving.scan(raw), [receiving]));
  if (bootstrap) return <BootstrapScreen progress={bootstrap} />;
  return (
    <>
      <NavBar />
      {screen === 'receiving' && (session ? <ReceivingScreen session={session} /> : <ReceivingStartScreen />)}
      {screen === 'outcomes' && <OutcomesScreen />}
      {screen === 'settings' && <SettingsScreen />}
    </>
  );
}

export function App() {
  const services = useServices();
  const phase = useSession((s) => s.phase);
  return (
    <div className="app">
      <SyncBar onRelogin={() => void logOut(services)} />
      <FlashBanner />
      {phase === 'booting' && <main className="app-main" aria-busy="true" />}
      {phase === 'logged-out' && <LoginScreen />}
      {phase === 'enrolling' && <EnrolScreen />}
      {phase === 'ready' && <ReadyScreens />}
    </div>
  );
}
