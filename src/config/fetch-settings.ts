import type { FetchOptions } from '../net/index.js';
import type { Config } from './options.js';

/** The settings every outbound HTTP client of ours takes, for code that loads only those. */
export const TIMEOUT_AND_AGENT_KEYS = ['fetchTimeoutSeconds', 'fetchConnectTimeoutSeconds', 'userAgent'] as const;

export function timeoutsAndAgent(config: Pick<Config, (typeof TIMEOUT_AND_AGENT_KEYS)[number]>): FetchOptions {
  return {
    timeoutMs: config.fetchTimeoutSeconds * 1000,
    connectTimeoutMs: config.fetchConnectTimeoutSeconds * 1000,
    userAgent: config.userAgent,
  };
}
