import type { z } from 'zod';
import {
  IpcChannel,
  ipcContract,
  isIpcChannel,
  type IpcParsedRequest,
  type IpcResponse,
  type IpcResult,
} from '../../shared/ipc/contract';
import { isAppUrl } from '../app-origin';
import type { InvokeEventLike, IpcMainLike } from '../electron-api';
import type { Logger } from '../logger';
import { errorMessage } from '../logger';
import { fail } from './result';

export type IpcHandler<C extends IpcChannel> = (
  request: IpcParsedRequest<C>,
) => Promise<IpcResult<IpcResponse<C>>> | IpcResult<IpcResponse<C>>;

/** One handler per contract channel: a missing one is a compile error, an extra one a start-up error. */
export type IpcHandlers = { readonly [C in IpcChannel]: IpcHandler<C> };

/** Only the app's own top-level page may call main; not an iframe, not a page that navigated elsewhere. */
export function isAppSender(event: InvokeEventLike): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/**
 * Registers `ipcMain.handle` for exactly the contract's channels (Electron
 * answers any other channel with "no handler registered"). Each call: sender
 * check, payload validation, handler, response validation; every failure is
 * an `{ ok: false, error }` value, never a thrown error, so the renderer gets
 * a readable reason instead of Electron's mangled exception text.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  isTrustedSender: (event: InvokeEventLike) => boolean,
  log: Logger,
): () => void {
  const unknown = Object.keys(handlers).filter((key) => !isIpcChannel(key));
  if (unknown.length > 0) {
    throw new Error(`No IPC contract for ${unknown.join(', ')}: declare channels in shared/ipc before handling them.`);
  }
  const channels = Object.values(IpcChannel);
  for (const channel of channels) {
    // Safe widening: the request is parsed with this channel's schema before the handler sees it.
    const handler = handlers[channel] as (request: unknown) => Promise<IpcResult<unknown>> | IpcResult<unknown>;
    const schemas: { request: z.ZodType; response: z.ZodType } = ipcContract[channel];
    ipcMain.handle(channel, async (event, ...args) => {
      if (!isTrustedSender(event)) {
        log.warn(`IPC ${channel} refused: the sender is not the app's own page.`);
        return fail('untrusted-sender', 'This page may not use the desktop API.');
      }
      if (args.length > 1) return fail('invalid-request', `${channel} takes a single argument.`);
      const request = schemas.request.safeParse(args[0]);
      if (!request.success) return invalidRequest(request.error);
      try {
        const result = await handler(request.data);
        if (!result.ok) return result;
        const response = schemas.response.safeParse(result.value);
        if (response.success) return { ok: true, value: response.data };
        log.error(`IPC ${channel} produced a response outside its contract`, response.error);
      } catch (error) {
        log.error(`IPC ${channel} failed: ${errorMessage(error)}`, error);
      }
      return fail('internal', 'Something went wrong in the desktop app; the details are in its log.');
    });
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}

function invalidRequest(error: z.ZodError): IpcResult<never> {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  const message = first === undefined ? 'Invalid request.' : first.path ? `${first.path}: ${first.message}` : first.message;
  return { ok: false, error: { code: 'invalid-request', message, issues } };
}
