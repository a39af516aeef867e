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
function createGuardedAgent(opts: AgentOptions): Agent {
  const connect = buildConnector({
    timeout: opts.connectTimeoutMs,
    lookup: guardedLookup(opts.resolver ?? systemResolver, opts.allowPrivateNetworks),
  });
  return new Agent({
    connections: 4,
    connect(options, callback) {
      if (!opts.allowPrivateNetworks) {
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

export interface RequestScope {
  agent: Agent;
  signal: AbortSignal;
  /** True once the whole-request deadline aborted the request. */
  deadlineHit(): boolean;
  close(): void;
}

/**
 * A guarded agent plus one deadline over the whole request (connect, redirects and every body
 * byte), so a slow-drip body cannot outlive it.
 */
export function openRequestScope(opts: AgentOptions & { timeoutMs: number }): RequestScope {
  const controller = new AbortController();
  let hit = false;
  const timer = setTimeout(() => {
    hit = true;
    controller.abort();
  }, opts.timeoutMs);
  const agent = createGuardedAgent({
    allowPrivateNetworks: opts.allowPrivateNetworks,
    connectTimeoutMs: Math.min(opts.connectTimeoutMs, opts.timeoutMs),
    ...(opts.resolver && { resolver: opts.resolver }),
  });
  return {
    agent,
    signal: controller.signal,
    deadlineHit: () => hit,
    close() {
      clearTimeout(timer);
      agent.destroy().catch(() => {});
    },
  };
}
