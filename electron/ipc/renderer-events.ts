import { ipcEvents, type IpcEvent, type IpcEventPayload } from '../../shared/ipc/contract';
import type { WebContentsLike } from '../electron-api';
import type { Logger } from '../logger';

export type SendToRenderer = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>) => boolean;

/** Main -> renderer events, validated against the same contract; dropped while no page is loaded. */
export function createRendererEvents(target: () => WebContentsLike | null, log: Logger): SendToRenderer {
  return (event, payload) => {
    const parsed = ipcEvents[event].safeParse(payload);
    if (!parsed.success) {
      log.error(`Event ${event} not sent: payload outside the contract`, parsed.error);
      return false;
    }
    const contents = target();
    if (contents === null || contents.isDestroyed()) return false;
    contents.send(event, parsed.data);
    return true;
  };
}
