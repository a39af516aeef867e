import type { App } from '../app.js';
import type { Background } from './background.js';
import type { WebRateLimits } from './rate-limit.js';
import type { RequestInfo } from './request-info.js';
import type { Sessions } from './session.js';

/** What the sign-up, sign-in and admin routes share; each names the part of the App it uses. */
export interface WebDeps<A = App> {
  app: A;
  sessions: Sessions;
  limits: WebRateLimits;
  info: RequestInfo;
  background: Background;
  now: () => Date;
}
