import { expect, type Page } from '@playwright/test';
import { wedgeScan } from '../support/wedge';

/** The shell every screen shares: sync status and scan feedback. */
export class AppPage {
  constructor(readonly page: Page) {}

  flash() {
    return this.page.getByTestId('flash');
  }

  /** Scans, and waits for the flash this scan caused (a new one). */
  async scan(code: string): Promise<{ kind: string; title: string }> {
    const before = Number((await this.flash().getAttribute('data-seq')) ?? '0');
    await wedgeScan(this.page, code);
    await expect(this.flash()).toHaveAttribute('data-seq', String(before + 1));
    return { kind: (await this.flash().getAttribute('data-kind')) ?? '', title: (await this.page.getByTestId('flash-title').textContent()) ?? '' };
  }

  async expectPending(count: number): Promise<void> {
    await expect(this.page.getByTestId('sync-pending')).toHaveAttribute('data-count', String(count), { timeout: 30_000 });
  }

  async expectOnline(online: boolean): Promise<void> {
    await expect(this.page.getByTestId('sync-online')).toHaveAttribute('data-online', String(online), { timeout: 30_000 });
  }

  /** The app shell is cached by the service worker (needed before going offline). */
  async waitUntilAvailableOffline(): Promise<void> {
    await this.page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return Boolean(reg?.active && navigator.serviceWorker.controller);
    }, undefined, { timeout: 30_000 });
  }
}
