import { expect, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** Put-away: scan an item at the dock, read the suggested bin, scan a bin (another one asks for a reason). */
export class PutawayPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-putaway').click();
    await expect(this.page.getByTestId('putaway-screen')).toBeVisible();
  }

  scanItem(gtin: string) {
    return this.scan(gtin);
  }

  scanBin(barcode: string) {
    return this.scan(barcode);
  }

  /** Scans a licence plate at the dock: its contents and the bin for all of it show. */
  scanPlate(lpn: string) {
    return this.scan(lpn);
  }

  plate() {
    return this.page.getByTestId('putaway-plate');
  }

  /** Item id -> quantity, as the plate's contents list shows them. */
  async plateContents(): Promise<Map<string, number>> {
    const rows = this.plate().getByTestId('plate-contents').locator('li');
    const out = new Map<string, number>();
    for (const row of await rows.all()) out.set((await row.getAttribute('data-item-id')) ?? '', Number(await row.getAttribute('data-qty')));
    return out;
  }

  async suggestedLocationId(): Promise<string> {
    return (await this.page.getByTestId('putaway-suggested').getAttribute('data-location-id')) ?? '';
  }

  async setQty(qty: number): Promise<void> {
    await this.page.getByLabel(/^(Quantity to move|Cantidad a mover)$/).fill(String(qty));
  }

  /** Gives the reason for another bin than the suggestion (the dialog the bin scan opened). */
  async giveReason(preset: RegExp): Promise<{ kind: string; title: string }> {
    const dialog = this.page.getByTestId('override-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('radio', { name: preset }).click();
    const before = Number((await this.flash().getAttribute('data-seq')) ?? '0');
    await dialog.getByRole('button', { name: /Put away here|Ubicar aquí/ }).click();
    await expect(this.flash()).toHaveAttribute('data-seq', String(before + 1));
    await expect(dialog).toBeHidden();
    return { kind: (await this.flash().getAttribute('data-kind')) ?? '', title: (await this.page.getByTestId('flash-title').textContent()) ?? '' };
  }
}
