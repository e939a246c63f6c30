import { expect, test, type Browser } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { ReceivingPage } from './pages/receiving-page';
import { loadDemoData, received, serverPo, takePo } from './support/demo-data';

async function device(browser: Browser, username: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.open();
  await login.logIn(username, 'demo');
  await login.enrol('WH1');
  return { context, receiving: new ReceivingPage(page) };
}

test('two devices receive the same PO at once and the server counts every scan of both', async ({ browser, baseURL }) => {
  const data = await loadDemoData(baseURL ?? '');
  const { po, plain } = takePo(data, 2);
  const [a, b] = plain as [(typeof plain)[0], (typeof plain)[0]];
  const [one, two] = await Promise.all([device(browser, 'associate'), device(browser, 'supervisor')]);

  await Promise.all([one.receiving.openPo(po.number), two.receiving.openPo(po.number)]);
  // Each device has its own receipt for the PO (neither had seen the other's yet).
  expect(await one.receiving.receiptId()).not.toBe(await two.receiving.receiptId());

  await Promise.all([
    (async () => {
      for (let i = 0; i < 3; i++) await one.receiving.scanItem(a.gtin ?? '');
    })(),
    (async () => {
      for (let i = 0; i < 2; i++) await two.receiving.scanItem(a.gtin ?? '');
      await two.receiving.scanItem(b.gtin ?? '');
    })(),
  ]);
  await Promise.all([one.receiving.expectPending(0), two.receiving.expectPending(0)]);

  const onServer = await serverPo(data, po.id);
  expect(received(onServer, a.id)).toBe(5);
  expect(received(onServer, b.id)).toBe(1);
  // Each device sees the other's receiving through the pulled PO, within a moment (server poke -> pull).
  await one.receiving.expectReceived(a.sku, 5, 20_000);
  await one.receiving.expectReceived(b.sku, 1, 20_000);
  await two.receiving.expectReceived(a.sku, 5, 20_000);

  await Promise.all([one.context.close(), two.context.close()]);
});
