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

  /** Scans a pallet label: the next item scans go on that licence plate. */
  async scanPlate(lpn: string): Promise<{ kind: string; title: string }> {
    const flash = await this.scan(lpn);
    if (flash.kind === 'accepted') await expect(this.plate()).toHaveAttribute('data-lpn', lpn);
    return flash;
  }

  plate(): Locator {
    return this.page.getByTestId('receiving-plate');
  }

  async expectPlateUnits(units: number): Promise<void> {
    await expect(this.plate()).toHaveAttribute('data-units', String(units));
  }

  /** "Pallet done": the plate waits for put-away; item scans are loose again. */
  async closePlate(): Promise<{ kind: string; title: string }> {
    const before = Number((await this.flash().getAttribute('data-seq')) ?? '0');
    await this.page.getByTestId('close-plate').click();
    await expect(this.flash()).toHaveAttribute('data-seq', String(before + 1));
    await expect(this.plate()).toHaveAttribute('data-lpn', '');
    return { kind: (await this.flash().getAttribute('data-kind')) ?? '', title: (await this.page.getByTestId('flash-title').textContent()) ?? '' };
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
