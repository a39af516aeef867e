import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import type { App } from '../app.js';
import { briefRoutes } from './routes/briefs.js';
import { feedbackRoutes } from './routes/feedback.js';
import { profileRoutes } from './routes/profile.js';
import { homeRoutes } from './routes/home.js';
import { preferencesRoutes } from './routes/preferences.js';
import { unsubscribeRoutes } from './routes/unsubscribe.js';
import { accountRoutes } from './routes/account.js';
import { accountPreferencesRoutes } from './routes/account-preferences.js';
import { assetRoutes } from './routes/assets.js';
import { privateFeedRoutes } from './routes/private-feed.js';
import { defaultAccountDeps, nobodySignedIn, type AccountDeps, type SubscriberAuth } from './subscriber-auth.js';

/** What the server is wired with besides the App (tests and the session mechanism fill them in). */
export interface WebOptions {
  /** Who is signed in, for the /account pages; by default nobody (they redirect to /login). */
  auth?: SubscriberAuth;
  account?: Partial<AccountDeps>;
}

function createWebApp(app: App, opts: WebOptions = {}): Hono {
  const web = new Hono();
  const auth = opts.auth ?? nobodySignedIn;
  const account: AccountDeps = { ...defaultAccountDeps, ...opts.account };
  homeRoutes(web, app);
  briefRoutes(web, app);
  unsubscribeRoutes(web, app);
  preferencesRoutes(web, app);
  feedbackRoutes(web, app);
  profileRoutes(web, app);
  assetRoutes(web);
  accountRoutes(web, app, auth, account);
  accountPreferencesRoutes(web, app, auth, account);
  privateFeedRoutes(web, app);
  web.onError((err, c) => {
    // A private feed's path is its secret: never logged.
    app.log.error(`web: ${err.message}`, { path: c.req.path.replace(/^\/feeds\/.*/, '/feeds/…') });
    return c.text('internal error', 500);
  });
  return web;
}

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

export function startWebServer(app: App, opts: { host: string; port: number } & WebOptions): Promise<WebServer> {
  const web = createWebApp(app, opts);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: web.fetch, hostname: opts.host, port: opts.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
