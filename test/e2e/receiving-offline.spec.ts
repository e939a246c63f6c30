import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { LoginPage } from './pages/login-page';
import { ReceivingPage } from './pages/receiving-page';
import { loadDemoData, ordered, received, serverBalances, serverPo, serverReceipt, takePo } from './support/demo-data';

test('receives a PO by wedge scans, keeps working offline across a reload, and the server gets every scan', async ({ page, context, baseURL }) => {
  const data = await loadDemoData(baseURL ?? '');
  const { po, plain } = takePo(data, 2);
  const [a, b] = plain as [(typeof plain)[0], (typeof plain)[0]];
  const login = new LoginPage(page);
  const receiving = new ReceivingPage(page);
  const app = new AppPage(page);

  await login.open();
  await login.logIn('associate', 'demo');
  await login.enrol('WH1');
  await receiving.openPo(po.number);
  const receiptId = await receiving.receiptId();

  // Online: repeat scans, then an entered quantity.
  expect((await receiving.scanItem(a.gtin ?? '')).kind).toBe('accepted');
  expect((await receiving.scanItem(a.gtin ?? '')).kind).toBe('accepted');
  await receiving.expectReceived(a.sku, 2);
  await receiving.setQty(3);
  await receiving.scanItem(b.gtin ?? '');
  await receiving.expectReceived(b.sku, 3);
  await app.expectPending(0);

  // Offline: scans are confirmed from IndexedDB, counted as pending, and survive a reload.
  await app.waitUntilAvailableOffline();
  await context.setOffline(true);
  await app.expectOnline(false);
  await receiving.scanItem(a.gtin ?? '');
  await receiving.scanItem(a.gtin ?? '');
  await receiving.expectReceived(a.sku, 4);
  await app.expectPending(2);

  const fromCache: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'document' && r.fromServiceWorker()) fromCache.push(r.url());
  });
  await page.reload();
  expect(fromCache.length).toBeGreaterThan(0);
  await login.logIn('associate', 'wrong-password');
  await login.expectError(/Wrong username or password/);
  await login.logIn('associate', 'demo');
  await expect(page.getByText('Logged in offline')).toBeVisible();
  await app.expectPending(2);
  await receiving.openPo(po.number);
  expect(await receiving.receiptId()).toBe(receiptId);
  await receiving.expectReceived(a.sku, 4);
  await receiving.expectReceived(b.sku, 3);
  await receiving.scanItem(b.gtin ?? '');
  await app.expectPending(3);

  // Back online: the queue drains and the server has every scan.
  await context.setOffline(false);
  await app.expectPending(0);
  await app.expectOnline(true);
  const onServer = await serverPo(data, po.id);
  expect(received(onServer, a.id)).toBe(4);
  expect(received(onServer, b.id)).toBe(4);

  const discrepancies = await receiving.close();
  const shortA = ordered(po, a.id) - 4;
  if (shortA > 0) expect(discrepancies.join('\n')).toContain(`${a.name}: ${shortA} short`);
  await app.expectPending(0);
  await expect
    .poll(async () => (await serverReceipt(data, receiptId)).body.status, { timeout: 20_000 })
    .toBe('closed');
  const receipt = (await serverReceipt(data, receiptId)).body;
  expect(receipt.discrepancies.filter((d) => d.kind === 'short').map((d) => d.itemId)).toEqual(
    expect.arrayContaining(po.lines.map((l) => l.itemId).filter((id) => id !== a.id && id !== b.id)),
  );
  const dockStock = (await serverBalances(data, a.id)).filter((r) => r.status === 'available').reduce((n, r) => n + r.qty, 0);
  expect(dockStock).toBeGreaterThanOrEqual(4);
});

test('an upgraded device deletes the per-document stores older versions kept, and nothing else', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  // What an older version left: a pulled collection in an IndexedDB database of its own.
  await page.evaluate(async () => {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('rxdb-dexie-dockscan--0--items', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('docs', { keyPath: 'id' });
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
  });
  const names = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  expect(await names()).toContain('rxdb-dexie-dockscan--0--items');
  await page.reload();
  await expect(page.getByLabel('Username')).toBeVisible();
  await expect.poll(names).not.toContain('rxdb-dexie-dockscan--0--items');
  // The device's own stores stay: its events, the pulled pages and the scan journal.
  expect(await names()).toEqual(expect.arrayContaining(['rxdb-dexie-dockscan--0--events', 'rxdb-dexie-dockscan--0--replica_pages', 'dockscan-scan-journal']));
});
