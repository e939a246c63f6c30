import { z } from 'zod';
import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { PullCheckpoint, type PullCollection } from '../../shared/schemas/docs';
import { PushResult, type DeviceEvent } from '../../shared/schemas/events';
import { DOC_SCHEMAS } from '../db/doc-schemas';
import { HttpError, NetworkError, requestJson } from '../platform/api-client';
import type { SyncProblem } from '../stores/sync-store';

const pullResponse = (name: PullCollection) => z.object({ documents: z.array(DOC_SCHEMAS[name]), checkpoint: PullCheckpoint });

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

/** Pull handler for one server-owned collection (checkpoint = the server's `seq`). */
export function pullHandler(name: PullCollection, hooks: HandlerHooks) {
  const schema = pullResponse(name);
  return async (checkpoint: PullCheckpoint | undefined, batchSize: number) => {
    const res = await call(hooks, (token) =>
      requestJson(`/sync/${name}/pull?checkpoint=${checkpoint?.seq ?? ''}&limit=${Math.min(batchSize, 5000)}`, schema, { token }),
    );
    return { documents: res.documents as WithDeleted<never>[], checkpoint: res.documents.length > 0 ? res.checkpoint : checkpoint };
  };
}

/** Push handler for the device's events; answers with the server's conflicts, as RxDB's protocol wants. */
export function pushHandler(hooks: HandlerHooks) {
  return async (rows: RxReplicationWriteToMasterRow<DeviceEvent>[]): Promise<WithDeleted<DeviceEvent>[]> => {
    const res = await call(hooks, (token) => requestJson('/sync/events/push', PushResult, { token, body: rows }));
    return res.conflicts as WithDeleted<DeviceEvent>[];
  };
}
