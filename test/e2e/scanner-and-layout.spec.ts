import { expect, test, type Page } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { ReceivingPage } from './pages/receiving-page';
import { loadDemoData, takePo } from './support/demo-data';
import { wedgeScan } from './support/wedge';

const SHOTS = 'test-results/screenshots';

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test('a scan never lands in a text field, typing still does, and every scan gets feedback', async ({ page, baseURL }) => {
  const data = await loadDemoData(baseURL ?? '');
  const { po, plain, tracked } = takePo(data, 1, true);
  const login = new LoginPage(page);
  const receiving = new ReceivingPage(page);
  await login.open();
  await login.logIn('associate', 'demo');
  await login.enrol('WH1');

  // Typing into the search box at human pace lands there; a scan while it has focus does not.
  const search = page.getByRole('searchbox');
  await search.click();
  await search.pressSequentially(po.number.slice(0, 3), { delay: 120 });
  await expect(search).toHaveValue(po.number.slice(0, 3));
  await search.fill('');
  await receiving.openPo(po.number);

  const qty = page.getByLabel('Quantity per scan');
  await qty.click();
  expect((await receiving.scanItem(plain[0]?.gtin ?? '')).kind).toBe('accepted');
  await expect(qty).toHaveValue('1');

  // Rejected: unreadable and unknown, with the reason in words.
  const bad = await receiving.scan('NOT-A-BARCODE-123');
  expect(bad.kind).toBe('rejected');
  const unknown = await receiving.scan('09506000134352');
  expect(unknown).toMatchObject({ kind: 'rejected', title: 'Unknown item' });

  // A lot-tracked item by bare GTIN asks for the lot; scanning its GS1 label (focus in the lot field) completes it.
  const item = tracked[0];
  if (!item?.gtin) throw new Error('no tracked item');
  expect((await receiving.scanItem(item.gtin)).kind).toBe('warning');
  const dialog = page.getByTestId('tracking-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Lot')).toBeFocused();
  const label = `]C101${item.gtin}17301231` + `10LOT-E2E`;
  const done = await receiving.scan(label);
  expect(done.kind).toBe('accepted');
  await expect(dialog).toBeHidden();
  await expect(receiving.line(item.sku).getByTestId('received')).toHaveText('1');
});

test('looks right on a 360 px handheld and a 1920 px dock monitor, in English and Spanish', async ({ browser, baseURL }) => {
  const data = await loadDemoData(baseURL ?? '');
  const { po, plain } = takePo(data, 2);
  for (const [name, viewport] of [
    ['handheld-360', { width: 360, height: 740 }],
    ['dock-1920', { width: 1920, height: 1080 }],
  ] as const) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const login = new LoginPage(page);
    const receiving = new ReceivingPage(page);
    await login.open();
    await shot(page, `${name}-login`);
    await login.logIn('associate', 'demo');
    await login.enrol('WH1');
    await shot(page, `${name}-po-list`);
    await receiving.openPo(po.number);
    await receiving.scanItem(plain[0]?.gtin ?? '');
    await shot(page, `${name}-accepted`);
    const first = plain[0];
    if (!first) throw new Error('no item');
    await receiving.setQty(10_000);
    expect((await receiving.scanItem(first.gtin ?? '')).kind).toBe('warning');
    await shot(page, `${name}-over`);
    await receiving.scan('LOC-NOWHERE-1');
    await shot(page, `${name}-rejected`);
    // Every string through i18next: switch to Spanish.
    await page.getByTestId('nav-settings').click();
    await page.getByLabel('Language').first().selectOption('es');
    await page.getByTestId('nav-receiving').click();
    await expect(page.getByRole('button', { name: 'Cerrar recepción' })).toBeVisible();
    await wedgeScan(page, plain[1]?.gtin ?? '');
    await expect(page.getByTestId('flash')).toContainText('recibidos');
    await shot(page, `${name}-es`);
    await context.close();
  }
});
