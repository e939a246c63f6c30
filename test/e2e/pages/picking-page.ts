import { expect, type Page } from '@playwright/test';
import { AppPage } from './app-page';

export interface CurrentStop {
  taskId: string;
  orderId: string;
  itemId: string;
  locationId: string;
  step: string;
  remaining: number;
}

/** The picker's walk: bin -> item (lot) -> quantity -> tote, one stop at a time. */
export class PickingPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-picking').click();
    await expect(this.page.getByTestId('picking-screen')).toBeVisible();
  }

  current() {
    return this.page.getByTestId('pick-current');
  }

  /** The channel order number of the current stop's order. */
  orderNumber() {
    return this.page.getByTestId('pick-order');
  }

  async waitForStops(): Promise<void> {
    await expect(this.current()).toBeVisible({ timeout: 30_000 });
  }

  async stop(): Promise<CurrentStop> {
    const el = this.current();
    await expect(el).toBeVisible();
    const attr = async (name: string) => (await el.getAttribute(name)) ?? '';
    return {
      taskId: await attr('data-task-id'),
      orderId: await attr('data-order-id'),
      itemId: await attr('data-item-id'),
      locationId: await attr('data-location-id'),
      step: await attr('data-step'),
      remaining: Number(await this.page.getByTestId('pick-remaining').textContent()),
    };
  }

  async expectStep(step: string): Promise<void> {
    await expect(this.current()).toHaveAttribute('data-step', step);
  }

  scanBin(barcode: string) {
    return this.scan(barcode);
  }

  scanItem(gtin: string) {
    return this.scan(gtin);
  }

  scanTote(tote: string) {
    return this.scan(tote);
  }

  async setQty(qty: number): Promise<void> {
    await this.page.getByLabel(/^(Take|Recoger)$/).fill(String(qty));
  }

  /** Records the rest of the current stop as not found. */
  async shortPick(note: string): Promise<{ kind: string; title: string }> {
    const before = Number((await this.flash().getAttribute('data-seq')) ?? '0');
    await this.page.getByTestId('pick-short').click();
    const dialog = this.page.getByTestId('short-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByLabel(/Note|Nota/).fill(note);
    await dialog.getByRole('button', { name: /Record short pick|Registrar falta/ }).click();
    await expect(this.flash()).toHaveAttribute('data-seq', String(before + 1));
    return { kind: (await this.flash().getAttribute('data-kind')) ?? '', title: (await this.page.getByTestId('flash-title').textContent()) ?? '' };
  }
}
