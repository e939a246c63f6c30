import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { iconPng } from '../../../build/gen-icons';

/**
 * electron-builder.yml, checked with electron-builder's own parser and
 * schema (resolved through electron-builder, so it is the version that
 * packages). Packaging itself needs Electron's binaries, which cannot be
 * downloaded here.
 */

const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const yaml = fromBuilder('js-yaml') as { load(text: string): unknown };
const appBuilder = createRequire(fromBuilder.resolve('app-builder-lib'));
const { validateConfiguration } = appBuilder('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = appBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  extraMetadata: { main: string };
  files: string[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string };
  win: { target: string[] };
  mac: { target: string[]; hardenedRuntime: boolean };
  nsis: { deleteAppDataOnUninstall: boolean };
  publish: { provider: string }[];
}

const config = yaml.load(readFileSync(path.resolve('electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('packaging', () => {
  it('is a valid electron-builder configuration', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds AppImage and deb, NSIS and dmg from the bundled main, inside asar', () => {
    expect(config).toMatchObject({ appId: 'com.dockscan.app', productName: 'DockScan', asar: true, extraMetadata: { main: 'dist/electron/main.cjs' } });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**']));
    expect(config.publish[0]?.provider).toBe('generic');
  });

  it('flips the fuses: no run-as-node, app only from asar, no Node options or inspector', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps app data on uninstall: it holds scans that may not have synced', () => {
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('has a 512x512 icon, and it is the one the generator draws', () => {
    const icon = readFileSync(path.resolve(config.linux.icon));
    expect(icon.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
    expect(icon.equals(iconPng())).toBe(true);
  });
});
