import { expect, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** Orders: where each order of the warehouse stands, found by its ORD- barcode or by typing. */
export class OrdersPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-orders').click();
    await expect(this.page.getByTestId('orders-screen')).toBeVisible();
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel(/Order number or name|Número de pedido o nombre/).fill(text);
  }

  card(orderId: string) {
    return this.page.getByTestId(`order-${orderId}`);
  }

  async expectStatus(orderId: string, status: string, words: RegExp): Promise<void> {
    await expect(this.card(orderId)).toHaveAttribute('data-status', status, { timeout: 30_000 });
    await expect(this.card(orderId).getByTestId('order-status')).toHaveText(words);
  }
}
