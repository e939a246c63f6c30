import type { MenuItemConstructorOptions } from 'electron';
import type { Screen } from '../shared/ipc/contract';

/** The main screens in warehouse order, with the shortcuts supervisors ask for. */
export const SCREEN_MENU: readonly { screen: Screen; label: string; accelerator: string }[] = [
  { screen: 'receiving', label: 'Receiving', accelerator: 'CmdOrCtrl+1' },
  { screen: 'putaway', label: 'Put-away', accelerator: 'CmdOrCtrl+2' },
  { screen: 'picking', label: 'Picking', accelerator: 'CmdOrCtrl+3' },
  { screen: 'packing', label: 'Packing', accelerator: 'CmdOrCtrl+4' },
  { screen: 'shipping', label: 'Shipping', accelerator: 'CmdOrCtrl+5' },
  { screen: 'counts', label: 'Cycle counts', accelerator: 'CmdOrCtrl+6' },
  { screen: 'returns', label: 'Returns', accelerator: 'CmdOrCtrl+7' },
  { screen: 'supervisor', label: 'Supervisor', accelerator: 'CmdOrCtrl+8' },
  { screen: 'outcomes', label: 'Sync Status', accelerator: 'CmdOrCtrl+9' },
];

export interface MenuOptions {
  platform: string;
  /** DevTools and reload only in development builds. */
  isPackaged: boolean;
  navigate(screen: Screen): void;
  checkForUpdates(): void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const settings: MenuItemConstructorOptions = {
    label: isMac ? 'Settings…' : 'Settings',
    accelerator: 'CmdOrCtrl+,',
    click: () => options.navigate('settings'),
  };
  const updates: MenuItemConstructorOptions = { label: 'Check for Updates…', click: () => options.checkForUpdates() };
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      role: 'appMenu',
      submenu: [{ role: 'about' }, updates, { type: 'separator' }, settings, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  template.push({ label: 'File', submenu: isMac ? [{ role: 'close' }] : [settings, { type: 'separator' }, { role: 'quit' }] });
  template.push({ role: 'editMenu' });
  template.push({
    label: 'Go',
    submenu: SCREEN_MENU.map(({ screen, label, accelerator }) => ({ label, accelerator, click: () => options.navigate(screen) })),
  });
  template.push({
    label: 'View',
    submenu: [
      ...(options.isPackaged ? [] : ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  template.push({ role: 'windowMenu' });
  template.push({ role: 'help', submenu: isMac ? [] : [updates, { role: 'about' }] });
  return template;
}
