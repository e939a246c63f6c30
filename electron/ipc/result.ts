import type { IpcErrorCode, IpcResult } from '../../shared/ipc/contract';

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });

export const fail = <T = never>(code: IpcErrorCode, message: string): IpcResult<T> => ({ ok: false, error: { code, message } });
