import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { App } from '../app.js';
import { operationsRoutes } from './routes/operations.js';

export interface OperationsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * /healthz, /readyz and /metrics alone, for a process without the web role (`podbrief worker`):
 * its job counters and durations live in that process, so a scraper must reach it there.
 */
export function startOperationsServer(
  app: Pick<App, 'config' | 'metrics' | 'readiness' | 'log'>,
  opts: { host: string; port: number },
): Promise<OperationsServer> {
  const web = new Hono();
  operationsRoutes(web, app);
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
