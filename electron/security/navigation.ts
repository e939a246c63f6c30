import { isAppUrl, urlForLog } from '../app-origin';
import type { PreventableEvent, WebContentsLike } from '../electron-api';
import type { Logger } from '../logger';

/**
 * Keeps every web contents on the app's own origin. Applied from
 * `web-contents-created`, so it covers windows created later too.
 *
 * window.open is denied outright, including for app URLs: a child window
 * would inherit the preload (and with it IPC) under options we did not
 * choose. The app is one window; in-app routes and window.print() do the rest.
 */
export function lockNavigation(contents: WebContentsLike, log: Logger): void {
  const guard = (event: PreventableEvent, url: string, what: string): void => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log.warn(`Blocked ${what} to ${urlForLog(url)}: only the app's own pages may load.`);
  };
  contents.on('will-navigate', (event, url) => guard(event, url, 'navigation'));
  contents.on('will-redirect', (event, url) => guard(event, url, 'redirect'));
  contents.on('will-frame-navigate', (event) => guard(event, event.url, 'frame navigation'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('Blocked a <webview>: the app does not use them.');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`Blocked window.open(${urlForLog(url)}).`);
    return { action: 'deny' };
  });
}
