import { Agent, buildConnector } from 'undici';
import { assertPublicLiteral, guardedLookup, systemResolver, type HostResolver } from './ssrf.js';

export interface AgentOptions {
  allowPrivateNetworks: boolean;
  connectTimeoutMs: number;
  resolver?: HostResolver;
}

/**
 * An undici Agent whose every dial is checked: IP literals before a socket exists, host names in
 * `lookup` on the very addresses net.connect will use. A kept-alive connection is reused only by
 * the agent that opened it, so only under the policy (private networks, resolver) it was checked by.
 */
function createGuardedAgent(opts: AgentOptions): Agent {
  const connect = buildConnector({
    timeout: opts.connectTimeoutMs,
    lookup: guardedLookup(opts.resolver ?? systemResolver, opts.allowPrivateNetworks),
  });
  // No cap on connections per origin: the callers bound their own concurrency per host.
  return new Agent({
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

const systemResolverAgents = new Map<string, Agent>();
const stubResolverAgents = new WeakMap<HostResolver, Map<string, Agent>>();

/**
 * The one long-lived agent for these options: connections are kept alive and reused between
 * requests (a new TCP, and TLS, handshake per request cost more CPU than the request itself).
 */
function guardedAgentFor(opts: AgentOptions): Agent {
  let agents = systemResolverAgents;
  if (opts.resolver) {
    agents = stubResolverAgents.get(opts.resolver) ?? new Map();
    stubResolverAgents.set(opts.resolver, agents);
  }
  const key = `${opts.allowPrivateNetworks}:${opts.connectTimeoutMs}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = createGuardedAgent(opts);
    agents.set(key, agent);
  }
  return agent;
}

export interface RequestScope {
  agent: Agent;
  signal: AbortSignal;
  /** True once the whole-request deadline aborted the request. */
  deadlineHit(): boolean;
  close(): void;
}

/**
 * The guarded agent plus one deadline over the whole request (connect, redirects and every body
 * byte), so a slow-drip body cannot outlive it.
 */
export function openRequestScope(opts: AgentOptions & { timeoutMs: number }): RequestScope {
  const controller = new AbortController();
  let hit = false;
  const timer = setTimeout(() => {
    hit = true;
    controller.abort();
  }, opts.timeoutMs);
  const agent = guardedAgentFor({
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
      // A body left half-read (a cap or a decoding error) would hold its pooled connection forever:
      // the abort closes that one; a request already complete no longer listens.
      controller.abort();
    },
  };
}
