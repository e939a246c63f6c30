import { useCallback } from 'react';
import { FlashBanner } from './components/flash-banner';
import { NavBar } from './components/nav-bar';
import { isFloorScreen } from './fulfilment/services';
import { SyncBar } from './components/sync-bar';
import { useScanTarget } from './scanner/scan-router';
import { BootstrapScreen } from './screens/bootstrap-screen';
import { EnrolScreen } from './screens/enrol-screen';
import { LoginScreen } from './screens/login-screen';
import { OrdersScreen } from './screens/orders-screen';
import { OutcomesScreen } from './screens/outcomes-screen';
import { PackingScreen } from './screens/packing-screen';
import { PickingScreen } from './screens/picking-screen';
import { PutawayScreen } from './screens/putaway-screen';
import { ReceivingScreen } from './screens/receiving-screen';
import { ReceivingStartScreen } from './screens/receiving-start-screen';
import { SettingsScreen } from './screens/settings-screen';
import { ShippingScreen } from './screens/shipping-screen';
import { logOut } from './services/auth-actions';
import { useServices } from './services/services-context';
import { useNav } from './stores/nav-store';
import { useReceiving } from './stores/receiving-store';
import { useSession } from './stores/session-store';
import { useSync } from './stores/sync-store';

function ReadyScreens() {
  const { receiving, fulfilment } = useServices();
  const screen = useNav((s) => s.screen);
  const session = useReceiving((s) => s.session);
  const bootstrap = useSync((s) => s.bootstrap);
  // Receiving takes scans on every other screen: a scanned PO is always "receive this".
  // The floor screens (put-away, picking, packing, shipping) and Orders take their own.
  useScanTarget(
    useCallback(
      (raw: string) => void (isFloorScreen(screen) ? fulfilment.scan(screen, raw) : screen === 'orders' ? fulfilment.orders.scan(raw) : receiving.scan(raw)),
      [receiving, fulfilment, screen],
    ),
  );
  if (bootstrap) return <BootstrapScreen progress={bootstrap} />;
  return (
    <>
      <NavBar />
      {screen === 'receiving' && (session ? <ReceivingScreen session={session} /> : <ReceivingStartScreen />)}
      {screen === 'putaway' && <PutawayScreen />}
      {screen === 'picking' && <PickingScreen />}
      {screen === 'packing' && <PackingScreen />}
      {screen === 'shipping' && <ShippingScreen />}
      {screen === 'orders' && <OrdersScreen />}
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
