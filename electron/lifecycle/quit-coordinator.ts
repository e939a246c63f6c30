import type { PreventableEvent } from '../electron-api';
import type { Logger } from '../logger';
import type { Schedule } from './scheduler';

/**
 * Graceful quit: before the window closes or the app quits, the renderer is
 * asked to finish its IndexedDB writes (`app.quitRequested`) and answers
 * `app.quitReady`. Only then does the quit go ahead. A renderer that hangs or
 * crashed does not keep the app open: after `timeoutMs` the quit proceeds
 * (committed IndexedDB transactions are durable; only an unfinished one is
 * at stake, and the scan it holds was never confirmed to the user).
 */

export interface QuitCoordinatorDeps {
  /** Sends `app.quitRequested`; false when no page is loaded to ask. */
  requestFlush(): boolean;
  quit(): void;
  timeoutMs: number;
  schedule: Schedule;
  log: Logger;
}

export type QuitPhase = 'running' | 'flushing' | 'ready';

export interface QuitCoordinator {
  /** For `before-quit` and the main window's `close`: hold them until the renderer has flushed. */
  interceptQuit(event: PreventableEvent): void;
  /** The renderer's `app.quitReady`. */
  rendererReady(): void;
  /** Flush without quitting (the updater quits itself afterwards). */
  prepare(): Promise<void>;
  phase(): QuitPhase;
}

export function createQuitCoordinator(deps: QuitCoordinatorDeps): QuitCoordinator {
  let phase: QuitPhase = 'running';
  let waiters: (() => void)[] = [];
  let cancelTimeout: (() => void) | null = null;
  let quitWhenReady = false;

  const finish = (): void => {
    cancelTimeout?.();
    cancelTimeout = null;
    phase = 'ready';
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
    if (quitWhenReady) deps.quit();
  };

  const prepare = (): Promise<void> => {
    if (phase === 'ready') return Promise.resolve();
    const flushed = new Promise<void>((resolve) => waiters.push(resolve));
    if (phase === 'running') {
      phase = 'flushing';
      if (deps.requestFlush()) {
        cancelTimeout = deps.schedule(() => {
          deps.log.warn(`The page did not confirm its pending writes within ${deps.timeoutMs} ms; quitting anyway.`);
          finish();
        }, deps.timeoutMs);
      } else {
        finish();
      }
    }
    return flushed;
  };

  return {
    interceptQuit(event) {
      if (phase === 'ready') return;
      event.preventDefault();
      quitWhenReady = true;
      void prepare();
    },
    rendererReady() {
      if (phase === 'flushing') finish();
    },
    prepare,
    phase: () => phase,
  };
}
