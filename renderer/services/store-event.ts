import type { DeviceEvent } from '../../shared/schemas/events';
import { isQuotaError } from '../platform/storage';
import { useSync } from '../stores/sync-store';
import { flash } from './feedback';
import type { ReplicaService } from './replica-service';

/**
 * Stores a device event with strict durability (guarantee 1). False, with a
 * red flash saying why, when it could not be stored: nothing is confirmed then.
 */
export async function storeEvent(replica: ReplicaService, event: DeviceEvent): Promise<boolean> {
  try {
    await replica.append(event);
    return true;
  } catch (err) {
    if (isQuotaError(err)) {
      useSync.getState().setProblem({ kind: 'quota' });
      flash('rejected', 'flash.quota', ['flash.quotaDetail']);
    } else {
      flash('rejected', 'flash.saveFailed', ['flash.saveFailedDetail'], { message: err instanceof Error ? err.message : String(err) });
    }
    return false;
  }
}
