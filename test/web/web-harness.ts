import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { startWebServer, type WebOptions, type WebServer } from '../../src/web/index.js';

export const PUBLIC_URL = 'https://brief.example';
export const ADMIN_TOKEN = 'admin-token-for-tests-0123';

export interface WebHarness {
  app: App;
  server: WebServer;
  /** A request from client address `ip` (TRUST_PROXY is on, so X-Forwarded-For names it). */
  request(path: string, init?: RequestInit & { ip?: string }): Promise<Response>;
  /** A form POST as a browser sends it from the site's own page. */
  post(
    path: string,
    form: Record<string, string | string[]>,
    opts?: { ip?: string; cookie?: string },
  ): Promise<Response>;
  close(): Promise<void>;
}

/** A real app (SQLite in a temp folder) behind a real server on 127.0.0.1. */
export async function startWebHarness(env: Record<string, string> = {}, opts: WebOptions = {}): Promise<WebHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'podbrief-web-'));
  const app = await createApp(
    loadConfig({
      env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL, TRUST_PROXY: 'true', ...env },
    }),
  );
  const server = await startWebServer(app, { host: '127.0.0.1', port: 0, ...opts });
  const request = (path: string, init: RequestInit & { ip?: string } = {}) => {
    const { ip = '198.51.100.1', ...rest } = init;
    const headers = new Headers(rest.headers);
    headers.set('x-forwarded-for', ip);
    return fetch(server.url + path, { redirect: 'manual', ...rest, headers });
  };
  return {
    app,
    server,
    request,
    post(path, form, o = {}) {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one);
      return request(path, {
        method: 'POST',
        body,
        ip: o.ip ?? '198.51.100.1',
        headers: {
          origin: PUBLIC_URL,
          'sec-fetch-site': 'same-origin',
          ...(o.cookie ? { cookie: o.cookie } : {}),
        },
      });
    },
    async close() {
      await server.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `name=value` of the response's Set-Cookie for `name`, and its attributes. */
export function cookieOf(res: Response, name: string): { pair: string; attributes: string } | undefined {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!line) return undefined;
  const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
  return { pair, attributes: attributes.join('; ') };
}
