import type { Context, MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { withFields, type Logger } from '../../logger.js';

/** Probes that a load balancer or scraper asks every few seconds: logged at debug only. */
const PROBES: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Gives each request an id (the caller's X-Request-Id when it is a plain token, else a new UUID),
 * echoes it in the response, and logs one line per request with it, its status and its duration.
 */
export function requestLog(log: Logger, loggedPath: (path: string) => string): MiddlewareHandler[] {
  const logLine: MiddlewareHandler = async (c, next) => {
    const started = performance.now();
    await next();
    const line = withFields(log, { reqId: requestIdOf(c) });
    (PROBES.has(c.req.path) ? line.debug : line.info)('request', {
      method: c.req.method,
      path: loggedPath(c.req.path),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  };
  return [requestId(), logLine];
}

export function requestIdOf(c: Context): string | undefined {
  return (c.var as { requestId?: string }).requestId;
}
