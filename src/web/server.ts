import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import type { App } from '../app.js';
import { publicBase } from '../delivery/index.js';
import { assetRoutes } from './assets.js';
import { background } from './background.js';
import type { WebDeps } from './deps.js';
import { bodyCap } from './middleware/body-cap.js';
import { sameOriginPosts } from './middleware/same-origin.js';
import { securityHeaders } from './middleware/security-headers.js';
import { requestIdOf, requestLog } from './middleware/request-log.js';
import { defaultRateLimits, type WebRateLimits } from './rate-limit.js';
import { rateLimited } from './rate-limited.js';
import { requestInfo } from './request-info.js';
import { adminRoutes } from './routes/admin.js';
import { feedbackRoutes } from './routes/feedback.js';
import { loginRoutes } from './routes/login.js';
import { operationsRoutes } from './routes/operations.js';
import { preferencesRoutes } from './routes/preferences.js';
import { profileRoutes } from './routes/profile.js';
import { signupRoutes } from './routes/signup.js';
import { unsubscribeRoutes } from './routes/unsubscribe.js';
import { accountRoutes } from './routes/account.js';
import { accountPreferencesRoutes } from './routes/account-preferences.js';
import { privateFeedRoutes } from './routes/private-feed.js';
import { createSessions, type Sessions } from './session.js';
import { defaultAccountDeps, type AccountDeps, type SubscriberAuth } from './subscriber-auth.js';

export interface WebOptions {
  /** Rate limits (tests pass tighter or looser ones). */
  limits?: WebRateLimits;
  now?: () => Date;
  /** Who is signed in, for the /account pages; by default the session cookie (session.ts). */
  auth?: SubscriberAuth;
  account?: Partial<AccountDeps>;
}

/** Paths whose POST needs no Origin: the RFC 8058 one-click unsubscribe is signed instead. */
const CSRF_EXEMPT = new Set(['/unsubscribe']);

/** A private feed's path is its secret: never logged. */
function loggedPath(path: string): string {
  return path.replace(/^\/feeds\/.*/, '/feeds/…');
}

/** The account pages' view of the session mechanism. */
function sessionAuth(sessions: Sessions): SubscriberAuth {
  return {
    currentUser: (c) => sessions.currentUser(c),
    signedInAt: async (c) => (await sessions.currentSession(c))?.signedInAt,
    signOut: (c) => sessions.signOut(c),
  };
}

function createWebApp(app: App, opts: WebOptions = {}): { web: Hono; deps: WebDeps } {
  const info = requestInfo({ publicUrl: app.config.publicUrl, trustProxy: app.config.trustProxy });
  const now = opts.now ?? (() => new Date());
  const deps: WebDeps = {
    app,
    info,
    now,
    limits: opts.limits ?? defaultRateLimits(),
    sessions: createSessions(app, info.isHttps, now),
    background: background(app.log),
  };
  const auth = opts.auth ?? sessionAuth(deps.sessions);
  const account: AccountDeps = { ...defaultAccountDeps, now, ...opts.account };
  const web = new Hono();
  web.use(...requestLog(app.log, loggedPath));
  web.use(securityHeaders(info.isHttps));
  web.use(bodyCap());
  web.use(
    sameOriginPosts({
      publicOrigin: new URL(publicBase(app.config.publicUrl)).origin,
      requestOrigin: info.requestOrigin,
      exempt: CSRF_EXEMPT,
    }),
  );
  for (const path of ['/feedback', '/account/feedback']) {
    web.post(
      path,
      async (c, next) => (await rateLimited(c, [[deps.limits.feedbackPerIp, info.clientIp(c)]])) ?? next(),
    );
  }
  assetRoutes(web);
  operationsRoutes(web, app);
  signupRoutes(web, deps);
  loginRoutes(web, deps);
  adminRoutes(web, deps);
  unsubscribeRoutes(web, app);
  preferencesRoutes(web, app);
  feedbackRoutes(web, app);
  profileRoutes(web, app);
  accountRoutes(web, app, auth, account);
  accountPreferencesRoutes(web, app, auth, account);
  privateFeedRoutes(web, app);
  web.notFound((c) => c.text('not found', 404));
  web.onError((err, c) => {
    app.log.error(`web: ${err.message}`, { reqId: requestIdOf(c), path: loggedPath(c.req.path) });
    return c.text('internal error', 500);
  });
  return { web, deps };
}

export interface WebServer {
  url: string;
  /** Resolves once the emails requests started have been handed to the mailer. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function startWebServer(app: App, opts: { host: string; port: number } & WebOptions): Promise<WebServer> {
  const { web, deps } = createWebApp(app, opts);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: web.fetch, hostname: opts.host, port: opts.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        idle: () => deps.background.idle(),
        close: async () => {
          await new Promise<void>((done) => server.close(() => done()));
          await deps.background.idle();
        },
      });
    });
    server.once('error', reject);
  });
}
