import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { FetchError } from './errors.js';

interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it may be dialled on. Replaceable in tests (stub DNS). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * Only globally routable unicast addresses pass. Everything else (loopback, private, link-local,
 * CGNAT, ULA, multicast, reserved, NAT64/6to4/Teredo tunnels that can embed a private IPv4) is refused.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
  }
  return parsed.range() === 'unicast';
}

function refuse(host: string, address: string): FetchError {
  const shown = host === address ? address : `${host} (${address})`;
  return new FetchError('blocked_private_network', `refused to connect to non-public address ${shown}`);
}

/** Throws blocked_private_network for an IP literal that is not public; host names pass (checked at dial). */
export function assertPublicLiteral(hostname: string): void {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (isIP(bare) && !isPublicAddress(bare)) throw refuse(bare, bare);
}

/**
 * A `lookup` for net/tls.connect that refuses the whole host when ANY of its addresses is non-public,
 * so the check applies to the address actually dialled (no DNS-rebinding gap, no happy-eyeballs bypass).
 */
export function guardedLookup(resolve: HostResolver, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    const done = callback as (err: Error | null, address?: string | ResolvedAddress[], family?: number) => void;
    resolve(hostname).then(
      (found) => {
        const wanted =
          options.family === 4 || options.family === 6 ? found.filter((a) => a.family === options.family) : found;
        if (wanted.length === 0) {
          const err = Object.assign(new Error(`no address found for ${hostname}`), { code: 'ENOTFOUND' });
          return done(err);
        }
        const blocked = allowPrivate ? undefined : wanted.find((a) => !isPublicAddress(a.address));
        if (blocked) return done(refuse(hostname, blocked.address));
        if (options.all) return done(null, wanted);
        const first = wanted[0] as ResolvedAddress;
        return done(null, first.address, first.family);
      },
      (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
    );
  };
}
