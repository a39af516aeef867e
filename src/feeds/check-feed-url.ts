import { nonPublicAddressOf, redactUrl, systemResolver, type HostResolver } from '../net/index.js';
import { AppError } from '../model/errors.js';

export interface FeedUrlPolicy {
  allowPrivateNetworks?: boolean;
  resolver?: HostResolver;
}

/**
 * Why a feed URL cannot be subscribed to, in one line naming the setting that would allow it, or
 * undefined when it can: http(s) only, and (unless ALLOW_PRIVATE_NETWORKS) no host that is or
 * resolves to a private, loopback or link-local address. Credentials in the URL are never shown.
 */
async function feedUrlProblem(url: string, policy: FeedUrlPolicy = {}): Promise<string | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${redactUrl(url)}" is not a URL`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return `${redactUrl(parsed)}: only http and https feeds are supported`;
  if (policy.allowPrivateNetworks === true) return undefined;
  const address = await nonPublicAddressOf(parsed, policy.resolver);
  if (address === undefined) return undefined;
  return `${redactUrl(parsed)} points at a private address (${address}); set ALLOW_PRIVATE_NETWORKS=true to allow feeds on your own network`;
}

/** Throws AppError `feed_url_refused` with feedUrlProblem's line. */
export async function assertFeedUrl(url: string, policy: FeedUrlPolicy = {}): Promise<void> {
  const problem = await feedUrlProblem(url, policy);
  if (problem !== undefined) throw new AppError('feed_url_refused', problem);
}

/**
 * feedUrlProblem for every URL of a list (an OPML import), in order: each host resolved once,
 * at most 8 at a time.
 */
export async function feedUrlProblems(urls: string[], policy: FeedUrlPolicy = {}): Promise<(string | undefined)[]> {
  const resolver = policy.resolver ?? systemResolver;
  const byHost = new Map<string, ReturnType<HostResolver>>();
  const memo: HostResolver = (host) => {
    let found = byHost.get(host);
    if (found === undefined) {
      found = resolver(host);
      byHost.set(host, found);
    }
    return found;
  };
  const out: (string | undefined)[] = [];
  for (let i = 0; i < urls.length; i += 8)
    out.push(
      ...(await Promise.all(urls.slice(i, i + 8).map((url) => feedUrlProblem(url, { ...policy, resolver: memo })))),
    );
  return out;
}
