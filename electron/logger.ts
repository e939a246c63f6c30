/** Main-process logging seam: console in the app, a recording fake in tests. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(`[main] ${message}`),
  warn: (message) => console.warn(`[main] ${message}`),
  error: (message, error) => console.error(`[main] ${message}`, error ?? ''),
};

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
