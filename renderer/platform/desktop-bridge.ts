import type { Screen } from '../../shared/ipc/contract';
import type { WarehouseApi } from '../../shared/ipc/window-api';

export interface DesktopBridgeDeps {
  /** The scan pipeline keyboard-wedge scans use. */
  dispatchScan(raw: string): void;
  /** Navigate to a screen from the native menu; screens the app does not have yet are ignored. */
  navigate(screen: Screen): void;
  /** Resolves once no IndexedDB write is in flight (quit and update restarts wait for it). */
  flushPendingWrites(): Promise<void>;
  /** Calls back with the outbox size on every change. */
  onPendingChange(listener: (count: number) => void): () => void;
}

/**
 * Connects the desktop shell's services when the app runs inside it
 * (`getDesktopApi()` not null): serial scanners feed the same scan pipeline
 * as keyboard wedges, the native menu navigates, quitting waits for pending
 * writes, and updates learn how many scans still wait to sync. In a browser
 * there is nothing to connect and web equivalents apply.
 */
export function connectDesktop(desktop: WarehouseApi | null, deps: DesktopBridgeDeps): () => void {
  if (!desktop) return () => undefined;
  const offs = [
    desktop.onScan((scan) => deps.dispatchScan(scan.raw)),
    desktop.onNavigate(({ screen }) => deps.navigate(screen)),
    desktop.onQuitRequested(() => deps.flushPendingWrites()),
    deps.onPendingChange((count) => void desktop.reportPendingSync({ count })),
  ];
  return () => {
    for (const off of offs) off();
  };
}
