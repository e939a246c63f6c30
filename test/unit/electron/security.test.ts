import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { APP_ORIGIN, isAppUrl } from '../../../electron/app-origin';
import { applyContentSecurityPolicy, CONTENT_SECURITY_POLICY } from '../../../electron/security/csp';
import { lockNavigation } from '../../../electron/security/navigation';
import { applyPermissionPolicy } from '../../../electron/security/permissions';
import { createLabelWindow, createMainWindow } from '../../../electron/security/windows';
import { createFakeElectron, FakeEvent, FakeSession, FakeWebContents, RecordingLogger } from './fake-electron';

const SECURE_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
};

describe('window options', () => {
  it('the main window is isolated, sandboxed, without Node, with web security and only our preload', () => {
    const electron = createFakeElectron();
    createMainWindow(electron.api.BrowserWindow, { bounds: { width: 1280, height: 800 }, preloadPath: '/app/dist/electron/preload.cjs', devTools: false });
    const options = electron.windows[0]?.options;
    expect(options?.webPreferences).toMatchObject({ ...SECURE_PREFERENCES, preload: '/app/dist/electron/preload.cjs', devTools: false });
    expect(options?.show).toBe(false);
  });

  it('the label window has no preload and no JavaScript', () => {
    const electron = createFakeElectron();
    createLabelWindow(electron.api.BrowserWindow);
    const prefs = electron.windows[0]?.options.webPreferences;
    expect(prefs).toMatchObject({ ...SECURE_PREFERENCES, javascript: false, devTools: false });
    expect(prefs?.preload).toBeUndefined();
    expect(electron.windows[0]?.options.show).toBe(false);
  });
});

describe('the app origin', () => {
  it.each([
    ['dockscan://app/', true],
    ['dockscan://app/receiving?po=1', true],
    ['dockscan://app', true],
    ['dockscan://evil/', false],
    ['dockscan://app.evil.com/', false],
    ['dockscan://user@app/', false],
    ['dockscan://app:8080/', false],
    ['https://app/', false],
    ['file:///etc/passwd', false],
    ['http://localhost:8080/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s is the app: %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('navigation lock', () => {
  const locked = (): { contents: FakeWebContents; log: RecordingLogger } => {
    const contents = new FakeWebContents();
    const log = new RecordingLogger();
    lockNavigation(contents, log);
    return { contents, log };
  };

  it('blocks navigation to a foreign origin and logs it without the query string', () => {
    const { contents, log } = locked();
    expect(contents.navigate('https://evil.example.com/phish?token=secret')).toBe(false);
    expect(log.lines.join('\n')).toContain('https://evil.example.com/phish');
    expect(log.lines.join('\n')).not.toContain('secret');
  });

  it('lets the app navigate within its own origin', () => {
    const { contents } = locked();
    expect(contents.navigate(`${APP_ORIGIN}/picking`)).toBe(true);
  });

  it('blocks file:// and look-alike hosts, redirects and sub-frame navigations', () => {
    const { contents } = locked();
    expect(contents.navigate('file:///home/dock/.ssh/id_rsa')).toBe(false);
    expect(contents.navigate('dockscan://app.evil/')).toBe(false);
    const redirect = new FakeEvent();
    contents.emit('will-redirect', redirect, 'http://evil.example.com/');
    expect(redirect.defaultPrevented).toBe(true);
    const frame = Object.assign(new FakeEvent(), { url: 'https://ads.example.com/' });
    contents.emit('will-frame-navigate', frame);
    expect(frame.defaultPrevented).toBe(true);
  });

  it('denies every window.open, foreign or not, and every <webview>', () => {
    const { contents } = locked();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: `${APP_ORIGIN}/report` })).toEqual({ action: 'deny' });
    const attach = new FakeEvent();
    contents.emit('will-attach-webview', attach);
    expect(attach.defaultPrevented).toBe(true);
  });
});

describe('permissions', () => {
  const session = (): FakeSession => {
    const s = new FakeSession();
    applyPermissionPolicy(s, new RecordingLogger());
    return s;
  };

  it('allows the camera to the app page', () => {
    expect(session().request('media', { requestingUrl: `${APP_ORIGIN}/receiving`, mediaTypes: ['video'] })).toBe(true);
  });

  it('refuses the microphone, and the camera to anyone else', () => {
    const s = session();
    expect(s.request('media', { requestingUrl: `${APP_ORIGIN}/`, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(s.request('media', { requestingUrl: `${APP_ORIGIN}/`, mediaTypes: ['audio'] })).toBe(false);
    expect(s.request('media', { requestingUrl: `${APP_ORIGIN}/` })).toBe(false);
    expect(s.request('media', { requestingUrl: 'https://evil.example.com/', mediaTypes: ['video'] })).toBe(false);
  });

  it.each(['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb', 'fullscreen', 'display-capture', 'midiSysex', 'unknown'])(
    'denies %s, even to the app page',
    (permission) => {
      expect(session().request(permission, { requestingUrl: `${APP_ORIGIN}/` })).toBe(false);
    },
  );

  it('grants persistent storage to the app page only (the replica holds unsynced scans)', () => {
    const s = session();
    expect(s.request('persistent-storage', { requestingUrl: `${APP_ORIGIN}/` })).toBe(true);
    expect(s.request('persistent-storage', { requestingUrl: 'https://evil.example.com/' })).toBe(false);
  });

  it('answers synchronous permission checks the same way, and refuses every device chooser', () => {
    const s = session();
    expect(s.permissionCheckHandler?.(null, 'media', APP_ORIGIN, { mediaType: 'video' })).toBe(true);
    expect(s.permissionCheckHandler?.(null, 'media', APP_ORIGIN, { mediaType: 'audio' })).toBe(false);
    expect(s.permissionCheckHandler?.(null, 'geolocation', APP_ORIGIN, {})).toBe(false);
    expect(s.permissionCheckHandler?.(null, 'media', 'https://evil.example.com', { mediaType: 'video' })).toBe(false);
    expect(s.devicePermissionHandler?.({ origin: APP_ORIGIN })).toBe(false);
  });
});

describe('content security policy', () => {
  it('keeps scripts, connections and frames to the app origin', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'|\*/);
  });

  it('passes the CSP evaluator electronegativity uses, with no high or medium finding', () => {
    // Resolved through electronegativity so it is the evaluator version its scan runs.
    const fromScanner = createRequire(createRequire(import.meta.url).resolve('@doyensec/electronegativity'));
    const csp = fromScanner('@doyensec/csp-evaluator') as {
      CspParser: new (policy: string) => { csp: unknown };
      CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): { severity: number; directive: string; value?: string }[] };
      Version: { CSP3: unknown };
      severities: Record<string, number>;
    };
    const findings = new csp.CspEvaluator(new csp.CspParser(CONTENT_SECURITY_POLICY).csp, csp.Version.CSP3).evaluate();
    const serious = findings.filter((f) => [csp.severities.HIGH, csp.severities.MEDIUM, csp.severities.HIGH_MAYBE].includes(f.severity));
    expect(serious).toEqual([]);
    // The evaluator predates CSP3's 'wasm-unsafe-eval' and calls it a syntax error; nothing else may be.
    const syntax = findings.filter((f) => f.severity === csp.severities.SYNTAX);
    expect(syntax.map((f) => f.value)).toEqual(["'wasm-unsafe-eval'"]);
  });

  it('stamps the policy on http(s) responses too', () => {
    const s = new FakeSession();
    applyContentSecurityPolicy(s);
    let headers: Record<string, string | string[]> | undefined;
    s.headersListener?.(
      { responseHeaders: { 'content-type': ['text/html'] } } as unknown as Parameters<NonNullable<FakeSession['headersListener']>>[0],
      (response) => (headers = response.responseHeaders),
    );
    expect(headers).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
