import { expect, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** Shipping: choose the packed order, confirm carrier and tracking, then the labels. */
export class ShippingPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-shipping').click();
    await expect(this.page.getByTestId('shipping-screen')).toBeVisible();
  }

  async selectOrder(orderId: string): Promise<void> {
    await this.page.getByTestId(`ship-order-${orderId}`).click();
    await expect(this.page.getByTestId('ship-form')).toHaveAttribute('data-order-id', orderId);
  }

  /** Selects the packed order by scanning its ORD- barcode. */
  async scanOrder(barcode: string, orderId: string): Promise<void> {
    const flash = await this.scan(barcode);
    expect(flash.kind).toBe('accepted');
    await expect(this.page.getByTestId('ship-form')).toHaveAttribute('data-order-id', orderId);
  }

  orderNumber() {
    return this.page.getByTestId('ship-order-number');
  }

  carrier() {
    return this.page.getByLabel(/^(Carrier|Transportista)$/);
  }

  async confirm(tracking: string, carrier?: string): Promise<{ kind: string; title: string }> {
    if (carrier !== undefined) await this.carrier().fill(carrier);
    await this.page.getByLabel(/^(Tracking number|Número de seguimiento)$/).fill(tracking);
    const before = Number((await this.flash().getAttribute('data-seq')) ?? '0');
    await this.page.getByTestId('ship-confirm').click();
    await expect(this.flash()).toHaveAttribute('data-seq', String(before + 1));
    return { kind: (await this.flash().getAttribute('data-kind')) ?? '', title: (await this.page.getByTestId('flash-title').textContent()) ?? '' };
  }

  async expectLabelsReady(): Promise<void> {
    await expect(this.page.getByTestId('carton-label').first()).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  }
}
