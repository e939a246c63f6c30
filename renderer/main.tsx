import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { initI18n } from './i18n';
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
import { useSync } from './stores/sync-store';
import './styles.css';

/** Composition root: picks the web adapters, opens the replica, starts listening for scans. */
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
  const services: Services = { replica, sync: new SyncService(replica), receiving: new ReceivingService(replica) };
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
