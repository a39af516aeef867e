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

function createWebApp(app: App): Hono {
  const web = new Hono();
  homeRoutes(web, app);
  briefRoutes(web, app);
  unsubscribeRoutes(web, app);
  preferencesRoutes(web, app);
  feedbackRoutes(web, app);
  profileRoutes(web, app);
  web.onError((err, c) => {
    app.log.error(`web: ${err.message}`, { path: c.req.path });
    return c.text('internal error', 500);
  });
  return web;
}

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

export function startWebServer(app: App, opts: { host: string; port: number }): Promise<WebServer> {
  const web = createWebApp(app);
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
