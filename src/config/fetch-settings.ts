import type { FetchOptions } from '../net/index.js';
import type { Config } from './options.js';

/** The settings every outbound HTTP client of ours takes, for code that loads only those. */
export const TIMEOUT_AND_AGENT_KEYS = [
  'fetchTimeoutSeconds',
  'fetchConnectTimeoutSeconds',
  'userAgent',
  'contactUrl',
] as const;

export function timeoutsAndAgent(config: Pick<Config, (typeof TIMEOUT_AND_AGENT_KEYS)[number]>): FetchOptions {
  return {
    timeoutMs: config.fetchTimeoutSeconds * 1000,
    connectTimeoutMs: config.fetchConnectTimeoutSeconds * 1000,
    userAgent: userAgentOf(config),
  };
}

/** USER_AGENT with CONTACT_URL appended as `(+url)`, the URL re-serialised (no stray characters reach the header). */
function userAgentOf(config: Pick<Config, 'userAgent' | 'contactUrl'>): string {
  if (!config.contactUrl) return config.userAgent;
  return `${config.userAgent} (+${new URL(config.contactUrl).href})`;
}
