/**
 * The preload: runs sandboxed, with context isolation, before the page. It
 * exposes `window.warehouse` and nothing else. Bundled to one CommonJS file
 * (sandboxed preloads cannot require local modules).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { WarehouseApi } from '../shared/ipc/window-api';
import { createWarehouseApi } from './preload-api';

const api = createWarehouseApi(ipcRenderer);

contextBridge.exposeInMainWorld('warehouse', api satisfies WarehouseApi);
