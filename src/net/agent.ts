import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { assertPublicLiteral, guardedLookup, systemResolver, type HostResolver } from './ssrf.js';

export interface AgentOptions {
  allowPrivateNetworks: boolean;
  connectTimeoutMs: number;
  resolver?: HostResolver;
}

/**
 * An undici Agent whose every dial is checked: IP literals before a socket exists, host names in
 * `lookup` on the very addresses net.connect will use. One agent per safeFetch call, so no pooled
 * connection outlives the policy it was opened under.
 */
export function createGuardedAgent(opts: AgentOptions): Agent {
  const connect = buildConnector({
    timeout: opts.connectTimeoutMs,
    lookup: guardedLookup(opts.resolver ?? systemResolver, opts.allowPrivateNetworks),
  });
  return new Agent({
    connections: 4,
    connect(options, callback) {
      if (!opts.allowPrivateNetworks && isIP(options.hostname)) {
        try {
          assertPublicLiteral(options.hostname);
        } catch (err) {
          callback(err as Error, null);
          return;
        }
      }
      connect(options, callback);
    },
  });
}
