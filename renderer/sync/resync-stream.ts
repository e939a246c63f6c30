import { Subject } from 'rxjs';
import type { RxReplicationPullStreamItem } from 'rxdb';
import { apiBase } from '../platform/api-client';

const RECONNECT_MS = 3000;

/**
 * The server's poke stream: every `RESYNC` message, and every (re)connect
 * (pokes may have been missed meanwhile), becomes a RESYNC for all pull
 * replications, so devices pull within a second of a commit elsewhere.
 */
export function openResyncStream(token: () => string | null, onConnected: (connected: boolean) => void) {
  const resync$ = new Subject<RxReplicationPullStreamItem<never, never>>();
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let usedToken: string | null = null;

  const connect = () => {
    timer = null;
    if (stopped) return;
    usedToken = token();
    if (!usedToken) return retry();
    source = new EventSource(`${apiBase()}/sync/stream?token=${encodeURIComponent(usedToken)}`);
    source.onopen = () => {
      onConnected(true);
      resync$.next('RESYNC');
    };
    source.onmessage = (e: MessageEvent<string>) => {
      if (e.data === 'RESYNC') resync$.next('RESYNC');
    };
    source.onerror = () => {
      onConnected(false);
      // EventSource retries network errors itself; an HTTP error (e.g. 401) closes it for good.
      if (source?.readyState === EventSource.CLOSED) retry();
    };
  };
  const retry = () => {
    source?.close();
    source = null;
    if (!stopped && timer === null) timer = setTimeout(connect, RECONNECT_MS);
  };
  const online = () => {
    resync$.next('RESYNC');
    if (!source || source.readyState === EventSource.CLOSED) retry();
  };

  window.addEventListener('online', online);
  connect();
  return {
    resync$,
    /** Reconnect with a new token (after an online re-login). */
    refresh(): void {
      if (token() !== usedToken) retry();
    },
    stop(): void {
      stopped = true;
      window.removeEventListener('online', online);
      if (timer !== null) clearTimeout(timer);
      source?.close();
      resync$.complete();
    },
  };
}
