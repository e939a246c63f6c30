import { expect, type Page } from '@playwright/test';

export class LoginPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  async logIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel(/Username|Usuario/).fill(username);
    await this.page.getByLabel(/Password|Contraseña/).fill(password);
    await this.page.getByRole('button', { name: /^(Log in|Entrar)$/ }).click();
  }

  async expectError(text: RegExp): Promise<void> {
    await expect(this.page.getByTestId('login-error')).toContainText(text);
  }

  /** First login on a new device: bind it to a warehouse and wait for its replica to download. */
  async enrol(warehouseCode: string): Promise<void> {
    const select = this.page.getByLabel(/Warehouse|Almacén/);
    await expect(select.locator('option', { hasText: warehouseCode })).toHaveCount(1);
    await select.selectOption({ label: await select.locator('option', { hasText: warehouseCode }).innerText() });
    await this.page.getByRole('button', { name: /Set up device|Configurar/ }).click();
    await expect(this.page.getByTestId('po-list')).toBeVisible({ timeout: 90_000 });
  }
}
