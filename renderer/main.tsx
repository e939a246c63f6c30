import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { FulfilmentServices } from './fulfilment/services';
import { initI18n } from './i18n';
import { getDesktopApi } from '../shared/ipc/window-api';
import { connectDesktop } from './platform/desktop-bridge';
import { registerServiceWorker } from './platform/service-worker-registration';
import { requestPersistentStorage } from './platform/storage';
import { listenForWedgeScans } from './scanner/wedge-listener';
import { dispatchScan, setFallbackScanTarget } from './scanner/scan-router';
import { flash } from './services/feedback';
import { ReceivingService } from './services/receiving-service';
import { ReplicaService } from './services/replica-service';
import { ServicesContext, type Services } from './services/services-context';
import { SyncService } from './services/sync-service';
import { useSession } from './stores/session-store';
import { useSettings } from './stores/settings-store';
import { useNav, type Screen } from './stores/nav-store';
import { useSync } from './stores/sync-store';
import './styles.css';

const SCREENS: readonly Screen[] = ['receiving', 'putaway', 'picking', 'packing', 'shipping', 'outcomes', 'settings'];

/** Composition root: picks the web or desktop adapters, opens the replica, starts listening for scans. */
async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  await initI18n(useSettings.getState().language);
  registerServiceWorker();
  void requestPersistentStorage();

  const wedge = listenForWedgeScans({ settings: useSettings.getState().wedge, onScan: (raw) => dispatchScan(raw) });
  useSettings.subscribe((s) => wedge.configure(s.wedge));
  setFallbackScanTarget(() => flash('rejected', 'flash.noHandler', ['flash.noHandlerDetail']));
  window.addEventListener('online', () => useSync.getState().setOnline(true));
  window.addEventListener('offline', () => useSync.getState().setOnline(false));

  const replica = await ReplicaService.open();
  replica.startHousekeeping();
  const services: Services = { replica, sync: new SyncService(replica), receiving: new ReceivingService(replica), fulfilment: new FulfilmentServices(replica) };
  // Inside the desktop app: serial scanners, the native menu, quit and update restarts that wait for pending writes.
  connectDesktop(getDesktopApi(), {
    dispatchScan,
    navigate: (screen) => {
      const known = SCREENS.find((s) => s === screen);
      if (known) useNav.getState().go(known);
    },
    flushPendingWrites: () => replica.settle(),
    onPendingChange: (listener) => {
      listener(useSync.getState().pending);
      return useSync.subscribe((s, prev) => {
        if (s.pending !== prev.pending) listener(s.pending);
      });
    },
  });
  useSession.getState().loggedOut();
  root.render(
    <StrictMode>
      <ServicesContext.Provider value={services}>
        <App />
      </ServicesContext.Provider>
    </StrictMode>,
  );
}

boot().catch((err: unknown) => {
  console.error(err);
  const el = document.getElementById('root');
  if (el) el.textContent = `DockScan could not start: ${err instanceof Error ? err.message : String(err)}`;
});
