import { expect, test, type Page } from '@playwright/test';
import type { LicencePlateDoc, LocationDoc } from '../../shared/schemas/docs';
import { api, pullAll, type Session } from '../support/server';
import { LoginPage } from './pages/login-page';
import { PutawayPage } from './pages/putaway-page';
import { ReceivingPage } from './pages/receiving-page';
import { loadDemoData, serverBalances, takePo } from './support/demo-data';

const SHOTS = 'test-results/screenshots';

/** The handheld at 360 px: the plate panel and the plate put-away must fit it. */
async function handheldShot(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: `${SHOTS}/handheld-360-${name}.png`, fullPage: true });
  // Nothing spills sideways at 360 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  if (original) await page.setViewportSize(original);
}

test('a pallet is received onto a licence plate on the handheld, then put away whole by scanning the plate and a bin', async ({ page, baseURL }) => {
  const data = await loadDemoData(baseURL ?? '');
  const { po, plain } = takePo(data, 2);
  const [a, b] = plain as [(typeof plain)[0], (typeof plain)[0]];
  const lpn = `LPN-${Date.now()}`;
  const enrol = await api<{ token: string; device: { id: string } }>(data.server, '/api/devices/enrol', { token: data.supervisor, body: { name: 'e2e plate probe', warehouseId: data.warehouseId } });
  const probe: Session = { token: enrol.body.token, userId: '', deviceId: enrol.body.device.id, warehouseId: data.warehouseId };
  const locations = new Map((await pullAll<LocationDoc>(data.server, probe, 'locations', 5000)).map((l) => [l.id, l]));

  const login = new LoginPage(page);
  const receiving = new ReceivingPage(page);
  await login.open();
  await login.logIn('associate', 'demo');
  await login.enrol('WH1');
  await receiving.openPo(po.number);

  // The pallet label first, then the goods onto it: the panel keeps the running contents.
  expect((await receiving.scanPlate(lpn)).kind).toBe('accepted');
  await receiving.setQty(3);
  expect((await receiving.scanItem(a.gtin ?? '')).kind).toBe('accepted');
  await receiving.setQty(2);
  expect((await receiving.scanItem(b.gtin ?? '')).kind).toBe('accepted');
  await receiving.expectPlateUnits(5);
  await expect(receiving.plate().getByTestId('plate-contents').locator('li')).toHaveCount(2);
  await handheldShot(page, 'receiving-plate');
  expect((await receiving.closePlate()).kind).toBe('accepted');
  await receiving.expectPending(0);

  // The server has the plate, closed, at the dock, with what was loaded on it.
  const plates = await pullAll<LicencePlateDoc>(data.server, probe, 'licence_plates', 5000);
  const pulled = plates.find((p) => p.code === lpn);
  expect(pulled).toMatchObject({ status: 'closed' });
  expect(pulled?.contents.reduce((n, l) => n + l.qty, 0)).toBe(5);

  // Put-away: the plate, its contents and the bin for all of it; one bin scan moves everything.
  const putaway = new PutawayPage(page);
  await putaway.open();
  await expect(page.getByTestId('putaway-plates-waiting').locator(`[data-lpn="${lpn}"]`)).toBeVisible();
  expect((await putaway.scanPlate(lpn)).kind).toBe('accepted');
  await expect(putaway.plate()).toHaveAttribute('data-lpn', lpn);
  expect(await putaway.plateContents()).toEqual(new Map([[a.id, 3], [b.id, 2]]));
  const bin = await putaway.suggestedLocationId();
  expect(locations.get(bin)?.kind).toBe('bin');
  await handheldShot(page, 'putaway-plate');
  const before = { a: await serverBalances(data, a.id), b: await serverBalances(data, b.id) };
  const inBin = (rows: { locationId: string; status: string; qty: number }[]) => rows.filter((r) => r.locationId === bin && r.status === 'available').reduce((n, r) => n + r.qty, 0);
  expect((await putaway.scanBin(locations.get(bin)?.barcode ?? '')).kind).toBe('accepted');
  await expect(page.getByTestId('putaway-last-plate')).toContainText(lpn);
  await putaway.expectPending(0);

  // The server shows the stock in the bin, and the plate put away there.
  expect(inBin(await serverBalances(data, a.id)) - inBin(before.a)).toBe(3);
  expect(inBin(await serverBalances(data, b.id)) - inBin(before.b)).toBe(2);
  const served = await api<{ status: string; locationId: string; contents: unknown[] }>(data.server, `/api/licence-plates/${lpn}`, { token: data.supervisor });
  expect(served.body).toMatchObject({ status: 'put_away', locationId: bin, contents: [] });

  // The label is used up: scanning it again is refused with the reason, and nothing is written.
  const again = await putaway.scanPlate(lpn);
  expect(again).toMatchObject({ kind: 'rejected', title: 'Pallet already put away' });
  await putaway.expectPending(0);
});
