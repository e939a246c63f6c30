/** What a raw send to a printer came to; the print service turns failures into IPC error values. */
export type RawSendResult = { ok: true; bytes: number } | { ok: false; message: string; unsupported?: true };
