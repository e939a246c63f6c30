import { z } from 'zod';
import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { PullCheckpoint, type PullCollection } from '../../shared/schemas/docs';
import { PushResult, type DeviceEvent } from '../../shared/schemas/events';
import { DOC_SCHEMAS } from '../db/doc-schemas';
import { HttpError, NetworkError, requestJson } from '../platform/api-client';
import { rowsToPush } from '../replica/event-pruning';
import type { SyncProblem } from '../stores/sync-store';

const pullResponse = (name: PullCollection) =>
  z.object({ documents: z.array(DOC_SCHEMAS[name]), checkpoint: PullCheckpoint, remaining: z.number().int().nonnegative().optional() });

/** One validated page of a pulled collection: every document checked against the collection's shared zod schema. */
export interface PulledPage {
  documents: ({ id: string; _deleted?: boolean } & Record<string, unknown>)[];
  checkpoint: PullCheckpoint;
  remaining?: number;
}

export interface HandlerHooks {
  token(): string | null;
  /** Every answer (or failure) of the server, for the status bar. */
  reached(ok: boolean): void;
  problem(p: SyncProblem): void;
}

/** Non-2xx throws (RxDB retries); 401 and 426 are also surfaced, and the queue is kept. */
async function call<T>(hooks: HandlerHooks, run: (token: string) => Promise<T>): Promise<T> {
  const token = hooks.token();
  if (!token) {
    hooks.problem({ kind: 'auth' });
    throw new HttpError(401, 'no_token', 'Not logged in online');
  }
  try {
    const out = await run(token);
    hooks.reached(true);
    return out;
  } catch (err) {
    if (err instanceof NetworkError) hooks.reached(false);
    else if (err instanceof HttpError) {
      hooks.reached(true);
      if (err.status === 401) hooks.problem({ kind: 'auth' });
      else if (err.status === 426) hooks.problem({ kind: 'upgrade' });
      else hooks.problem({ kind: 'error', message: err.message });
    }
    throw err;
  }
}

/** Fetches pages of the server-owned collections (checkpoint = the server's `seq`). */
export function pageFetcher(hooks: HandlerHooks) {
  const schemas = new Map<PullCollection, ReturnType<typeof pullResponse>>();
  return async (name: PullCollection, seq: number | null, limit: number, withRemaining: boolean): Promise<PulledPage> => {
    let schema = schemas.get(name);
    if (!schema) {
      schema = pullResponse(name);
      schemas.set(name, schema);
    }
    const query = `checkpoint=${seq ?? ''}&limit=${Math.min(limit, 5000)}${withRemaining ? '&remaining=1' : ''}`;
    const res = await call(hooks, (token) => requestJson(`/sync/${name}/pull?${query}`, schema, { token }));
    return res as PulledPage;
  };
}

/** Push handler for the device's events; answers with the server's conflicts, as RxDB's protocol wants. */
export function pushHandler(hooks: HandlerHooks) {
  return async (all: RxReplicationWriteToMasterRow<DeviceEvent>[]): Promise<WithDeleted<DeviceEvent>[]> => {
    // Pruned events (long answered) are removed on this device only.
    const rows = rowsToPush(all);
    if (rows.length === 0) return [];
    const res = await call(hooks, (token) => requestJson('/sync/events/push', PushResult, { token, body: rows }));
    return res.conflicts as WithDeleted<DeviceEvent>[];
  };
}
