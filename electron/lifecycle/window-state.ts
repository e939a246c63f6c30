import type { Rectangle } from 'electron';
import type { BrowserWindowLike } from '../electron-api';
import type { WindowState } from '../settings/settings-store';
import type { WindowBounds } from '../security/windows';
import type { Schedule } from './scheduler';

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;

/** At least this much of the title bar must be on a screen, or the window could not be dragged back. */
const MIN_VISIBLE = { width: 120, height: 40 };

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Where to open the window: where it was, if that spot is still on a
 * connected screen (a docked laptop may have lost its second monitor);
 * otherwise centred at the default size.
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rectangle[]): { bounds: WindowBounds; maximized: boolean } {
  const fallback = { bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: saved?.maximized ?? false };
  if (saved === null) return fallback;
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: MIN_VISIBLE.height };
  const screen = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
  });
  if (screen === undefined) return fallback;
  return {
    bounds: { x: saved.x, y: saved.y, width: Math.min(saved.width, screen.width), height: Math.min(saved.height, screen.height) },
    maximized: saved.maximized,
  };
}

export function captureWindowState(win: BrowserWindowLike): WindowState {
  const b = win.getNormalBounds();
  return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
}

/** Saves the window's place on close, and (debounced) while it is moved or resized, in case of a crash. */
export function trackWindowState(win: BrowserWindowLike, save: (state: WindowState) => void, schedule: Schedule, debounceMs = 1000): void {
  let cancel: (() => void) | null = null;
  const later = (): void => {
    cancel?.();
    cancel = schedule(() => {
      cancel = null;
      if (!win.isDestroyed()) save(captureWindowState(win));
    }, debounceMs);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => {
    cancel?.();
    cancel = null;
    save(captureWindowState(win));
  });
}
