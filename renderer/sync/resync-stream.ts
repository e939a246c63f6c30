import { Subject } from 'rxjs';
import { z } from 'zod';
import { PullCollection } from '../../shared/schemas/docs';
import { apiBase } from '../platform/api-client';

/** What to pull: the named collections, or `null` for all of them. */
export type Resync = readonly PullCollection[] | null;

const Named = z.array(PullCollection).min(1);

/** `RESYNC` (everything) or `RESYNC a,b` (those collections); anything else is not a poke. */
export function parsePoke(data: string): Resync | undefined {
  if (data === 'RESYNC') return null;
  if (!data.startsWith('RESYNC ')) return undefined;
  const named = Named.safeParse(data.slice('RESYNC '.length).split(','));
  // A collection this app does not know yet (a newer server): pull everything it does know.
  return named.success ? named.data : null;
}

const RECONNECT_MS = 3000;

/**
 * The server's poke stream: a `RESYNC` message names the collections to
 * pull (or none: all); every (re)connect pulls everything (pokes may have
 * been missed meanwhile). Devices pull within a second of a commit elsewhere.
 */
export function openResyncStream(token: () => string | null, onConnected: (connected: boolean) => void) {
  const resync$ = new Subject<Resync>();
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
      resync$.next(null);
    };
    source.onmessage = (e: MessageEvent<string>) => {
      const poke = parsePoke(e.data);
      if (poke !== undefined) resync$.next(poke);
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
    resync$.next(null);
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
