import pg from 'pg';

/** Shown in pg_stat_activity, so an operator (or a test) can find the LISTEN backend. */
export const LISTENER_APPLICATION_NAME = 'dockscan-listen';

/** Payload passed to listeners after a reconnect: pokes may have been missed while disconnected. */
export const RECONNECTED_PAYLOAD = 'reconnected';

export interface ListenerOptions {
  /** First retry delay; doubles per failed attempt up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export interface PgListener {
  close(): Promise<void>;
}

/** Identifiers are interpolated into LISTEN (it takes no parameters), so only plain names are allowed. */
const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * One dedicated connection that LISTENs on `channels` and survives the server
 * dropping it (restart, failover, pg_terminate_backend): it reconnects with
 * exponential backoff, LISTENs again and then calls `onNotify` once with
 * RECONNECTED_PAYLOAD, since a NOTIFY sent while it was away is lost for good.
 * The first connection is awaited so a wrong URL fails at start-up.
 */
export async function listenWithReconnect(
  connectionString: string,
  channels: readonly string[],
  onNotify: (channel: string, payload: string) => void,
  opts: ListenerOptions = {},
): Promise<PgListener> {
  for (const c of channels) if (!CHANNEL_NAME.test(c)) throw new Error(`invalid LISTEN channel: ${c}`);
  const initialDelayMs = opts.initialDelayMs ?? 200;
  const maxDelayMs = opts.maxDelayMs ?? 10_000;

  let closed = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let delay = initialDelayMs;

  const connect = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString, application_name: LISTENER_APPLICATION_NAME, keepAlive: true });
    // pg emits 'error' for a terminated backend; without a handler that is an uncaught exception.
    client.on('error', () => lost(client));
    client.on('end', () => lost(client));
    client.on('notification', (n) => {
      if (client === current) onNotify(n.channel, n.payload ?? '');
    });
    try {
      await client.connect();
      for (const c of channels) await client.query(`LISTEN ${c}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    return client;
  };

  const schedule = () => {
    if (closed || retry) return;
    // Jitter so several instances do not reconnect in lockstep after a restart.
    const wait = delay / 2 + Math.random() * (delay / 2);
    delay = Math.min(delay * 2, maxDelayMs);
    retry = setTimeout(() => {
      retry = null;
      void reconnect();
    }, wait);
  };

  const reconnect = async () => {
    let client: pg.Client;
    try {
      client = await connect();
    } catch {
      schedule();
      return;
    }
    if (closed) {
      await client.end().catch(() => undefined);
      return;
    }
    current = client;
    delay = initialDelayMs;
    for (const c of channels) onNotify(c, RECONNECTED_PAYLOAD);
  };

  // Called for both 'error' and 'end' of one client; only the first for the live client counts.
  const lost = (client: pg.Client) => {
    if (client !== current) return;
    current = null;
    client.end().catch(() => undefined);
    schedule();
  };

  current = await connect();

  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      retry = null;
      const client = current;
      current = null;
      await client?.end().catch(() => undefined);
    },
  };
}
