import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** The receiving screens: pick/scan a PO, scan items, watch the lines, close. */
export class ReceivingPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async openPo(number: string): Promise<void> {
    const flash = await this.scan(`PO-${number}`);
    expect(flash.kind).toBe('accepted');
    await expect(this.page.getByTestId('receiving-session')).toBeVisible();
  }

  async pickPo(number: string): Promise<void> {
    await this.page.getByTestId(`po-${number}`).click();
    await expect(this.page.getByTestId('receiving-session')).toBeVisible();
  }

  scanItem(code: string) {
    return this.scan(code);
  }

  async setQty(qty: number): Promise<void> {
    await this.page.getByLabel(/Quantity per scan|Cantidad por escaneo/).fill(String(qty));
  }

  line(sku: string): Locator {
    return this.page.getByTestId(`line-${sku}`);
  }

  async expectReceived(sku: string, received: number, timeout = 15_000): Promise<void> {
    await expect(this.line(sku).getByTestId('received')).toHaveText(String(received), { timeout });
  }

  async receiptId(): Promise<string> {
    return (await this.page.getByTestId('receiving-session').getAttribute('data-receipt-id')) ?? '';
  }

  /** Closes the receipt; returns the discrepancy lines the dialog showed. */
  async close(): Promise<string[]> {
    await this.page.getByRole('button', { name: /^(Close receipt|Cerrar recepción)$/ }).first().click();
    const dialog = this.page.getByTestId('close-dialog');
    await expect(dialog).toBeVisible();
    const lines = await dialog.locator('li').allInnerTexts();
    await dialog.getByRole('button', { name: /^(Close receipt|Cerrar recepción)$/ }).click();
    await expect(this.page.getByTestId('last-closed')).toBeVisible();
    return lines;
  }
}
