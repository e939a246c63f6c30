import type { z } from 'zod';
import { ApiError } from '../../shared/schemas/api';
import { CLIENT_VERSION, CLIENT_VERSION_HEADER } from '../../shared/version';

/** A non-2xx answer. Thrown, never returned, so RxDB's replication retries (DESIGN section 6). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The server could not be reached at all (offline, DNS, refused, timed out). */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  token?: string | null;
  body?: unknown;
  timeoutMs?: number;
}

/** Same origin in web mode; Electron's preload may point elsewhere later. */
export const apiBase = (): string => '';

export async function requestJson<S extends z.ZodType>(path: string, schema: S, opts: RequestOptions = {}): Promise<z.infer<S>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 30_000);
  let res: Response;
  try {
    res = await fetch(apiBase() + path, {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      headers: {
        [CLIENT_VERSION_HEADER]: CLIENT_VERSION,
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      },
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
      signal: controller.signal,
      cache: 'no-store',
    });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err));
  } finally {
    clearTimeout(timer);
  }
  const text = await res.text().catch(() => '');
  const json: unknown = text === '' ? null : safeJson(text);
  if (!res.ok) {
    const parsed = ApiError.safeParse(json);
    throw new HttpError(res.status, parsed.success ? parsed.data.error : 'http_error', parsed.success ? parsed.data.message : `HTTP ${res.status}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HttpError(res.status, 'bad_response', `Unexpected answer from ${path}: ${parsed.error.message}`);
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
