import { expect, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** The pack station: open an order (tote scan), scan items into the carton, close it with its weight. */
export class PackingPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-packing').click();
    await expect(this.page.getByTestId('packing-screen')).toBeVisible();
  }

  async expectOrderWaiting(orderId: string): Promise<void> {
    await expect(this.page.getByTestId(`pack-order-${orderId}`)).toBeVisible({ timeout: 30_000 });
  }

  async scanTote(tote: string): Promise<void> {
    const flash = await this.scan(tote);
    expect(flash.kind).toBe('accepted');
  }

  scanItem(gtin: string) {
    return this.scan(gtin);
  }

  async expectOpen(orderId: string): Promise<void> {
    await expect(this.page.getByTestId('packing-screen')).toHaveAttribute('data-order-id', orderId);
  }

  /** The open order's channel number and who it ships to, as the packer sees them. */
  async expectOrderNumber(orderNumber: string, shipTo: string): Promise<void> {
    await expect(this.page.getByTestId('pack-order-number')).toContainText(orderNumber);
    await expect(this.page.getByTestId('pack-ship-to')).toContainText(shipTo);
  }

  waitingOrder(orderId: string) {
    return this.page.getByTestId(`pack-order-${orderId}`);
  }

  async closeCarton(weight: string, unit: 'kg' | 'g'): Promise<{ kind: string; title: string }> {
    const before = Number((await this.flash().getAttribute('data-seq')) ?? '0');
    await this.page.getByTestId('pack-weight').fill(weight);
    await this.page.getByRole('group', { name: /Unit|Unidad/ }).getByRole('button', { name: unit, exact: true }).click();
    await this.page.getByTestId('pack-close').click();
    await expect(this.flash()).toHaveAttribute('data-seq', String(before + 1));
    return { kind: (await this.flash().getAttribute('data-kind')) ?? '', title: (await this.page.getByTestId('flash-title').textContent()) ?? '' };
  }
}
