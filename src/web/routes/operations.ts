import type { Hono } from 'hono';
import type { App } from '../../app.js';
import { metricsAccess } from '../metrics-access.js';

/**
 * /healthz: the process answers (liveness: restart it when this fails). /readyz: it can do its work
 * (database, and the job queue in scale mode): a load balancer sends traffic only while it is 200.
 * /metrics: Prometheus text format, see docs/DEPLOY.md.
 */
export function operationsRoutes(web: Hono, app: Pick<App, 'config' | 'metrics' | 'readiness' | 'log'>): void {
  web.get('/healthz', (c) => c.json({ ok: true }));
  web.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store');
    const problem = await app.readiness.problem();
    return problem === undefined ? c.text('ready\n') : c.text(`not ready: ${problem}\n`, 503);
  });
  const allowed = metricsAccess([app.config.metricsToken, app.config.adminToken]);
  web.get('/metrics', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (!allowed(c)) {
      c.header('WWW-Authenticate', 'Bearer realm="Podbrief metrics"');
      return c.text('metrics need METRICS_TOKEN (Bearer), or a request from this machine\n', 401);
    }
    app.metrics.collectProcessMetrics();
    try {
      const body = await app.metrics.registry.metrics();
      return c.body(body, 200, { 'Content-Type': app.metrics.registry.contentType });
    } catch (err) {
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      app.log.warn(`metrics: ${reason}`);
      return c.text(`metrics unavailable: ${reason}\n`, 503);
    }
  });
}
