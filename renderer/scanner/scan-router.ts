import { useEffect } from 'react';

export type ScanTarget = (raw: string) => void;

let target: ScanTarget | null = null;
let fallback: ScanTarget = () => undefined;

/**
 * Every scan source (keyboard wedge, camera, a serial scanner through the
 * desktop app) delivers here; the screen on show decides what a scan means.
 */
export function dispatchScan(raw: string): void {
  (target ?? fallback)(raw);
}

/** What happens to a scan when no screen takes scans (e.g. the login screen). */
export function setFallbackScanTarget(fn: ScanTarget): void {
  fallback = fn;
}

/** A screen takes the scans while it is mounted. */
export function useScanTarget(fn: ScanTarget): void {
  useEffect(() => {
    target = fn;
    return () => {
      if (target === fn) target = null;
    };
  }, [fn]);
}
