import { expect, test, type Page } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { ReceivingPage } from './pages/receiving-page';
import { loadDemoData, takePo } from './support/demo-data';
import { wedgeScan } from './support/wedge';

const SHOTS = 'test-results/screenshots';

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/**
 * What scrolls sideways or is cut off at the right: the page itself, or anything in the main content (a table
 * in an overflow-x wrapper scrolls without widening the page, so each scroll or clip container is checked too).
 * The nav is outside main: it scrolls sideways on purpose on a handheld.
 */
function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // A 1 px box is visually hidden on purpose (sr-only); clipping is its job.
    const wider = (el: Element) => el.scrollWidth > el.clientWidth && el.clientWidth > 1;
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/\s+/g, '.')}` : ''} (${el.scrollWidth} > ${el.clientWidth})`;
    const main = document.querySelector('main');
    const candidates = [document.documentElement, ...(main ? [main, ...main.querySelectorAll('*')] : [])];
    return candidates
      .filter((el) => el === document.documentElement || el === main || ['auto', 'scroll', 'hidden'].includes(getComputedStyle(el).overflowX))
      .filter(wider)
      .map(name);
  });
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
    // With lines on screen (one of them over), nothing scrolls sideways: not the page, not the lines table.
    await expect(page.getByTestId('lines').locator('tbody tr').first()).toBeVisible();
    expect(await horizontalOverflow(page)).toEqual([]);
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
