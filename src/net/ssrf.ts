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

/** The IPv4 address an IPv6 address carries in one of the translation or tunnel forms, if any. */
function embeddedIPv4(v6: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const p = v6.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  switch (v6.range()) {
    case 'ipv4Mapped': // ::ffff:a.b.c.d
    case 'rfc6052': // NAT64 64:ff9b::a.b.c.d (and the local-use 64:ff9b:1::/48 form)
      return v4(p[6] as number, p[7] as number);
    case '6to4': // 2002:AABB:CCDD::
      return v4(p[1] as number, p[2] as number);
    case 'teredo': // 2001:0:server:flags:port:~client
      return v4((p[6] as number) ^ 0xffff, (p[7] as number) ^ 0xffff);
    default:
      return undefined;
  }
}

/** `::/96`: the unspecified and loopback addresses and the deprecated IPv4-compatible form `::a.b.c.d`. */
function isInZeroPrefix(v6: ipaddr.IPv6): boolean {
  return v6.parts.slice(0, 6).every((part) => part === 0);
}

/**
 * An IPv6 literal in the URL standard's canonical form (hex groups only, zeros compressed), which
 * ipaddr.js reads correctly: it would take `::8.8.8.8` for the mapped `::ffff:8.8.8.8`.
 */
function canonicalIPv6(address: string): string {
  if (isIP(address) !== 6) return address;
  return new URL(`http://[${address}]/`).hostname.slice(1, -1);
}

/**
 * Only globally routable unicast addresses pass. Everything else (loopback, private, link-local,
 * CGNAT, ULA, multicast, reserved, `::/96`) is refused. An IPv6 address that embeds an IPv4 one
 * (mapped, NAT64, 6to4, Teredo) is judged by the IPv4 address it carries; only the well-known NAT64
 * prefix `64:ff9b::/96` (DNS64 networks) may then pass, the tunnel forms never do. A zone id
 * (`fe80::1%eth0`) is dropped before classifying.
 */
export function isPublicAddress(address: string): boolean {
  const bare = canonicalIPv6(address.replace(/%.*$/, ''));
  if (!ipaddr.isValid(bare)) return false;
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv4') return parsed.range() === 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  if (isInZeroPrefix(v6)) return false;
  const inner = embeddedIPv4(v6);
  if (inner !== undefined) {
    if (inner.range() !== 'unicast') return false;
    if (v6.range() === 'ipv4Mapped') return true;
    const p = v6.parts;
    return p[0] === 0x64 && p[1] === 0xff9b && p.slice(2, 6).every((part) => part === 0);
  }
  return v6.range() === 'unicast';
}

function refuse(host: string, address: string): FetchError {
  const shown = host === address ? address : `${host} (${address})`;
  return new FetchError(
    'blocked_private_network',
    `refused to connect to non-public address ${shown}; set ALLOW_PRIVATE_NETWORKS=true to allow addresses on your own network`,
  );
}

/** Throws blocked_private_network for an IP literal that is not public; host names pass (checked at dial). */
export function assertPublicLiteral(hostname: string): void {
  const bracketless = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  const bare = bracketless.replace(/%.*$/, '').replace(/\.$/, '');
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

/**
 * The non-public address a URL's host is, or resolves to (any of its addresses), else undefined. For
 * checks ahead of any fetch (subscribing to a feed); a host that does not resolve passes here, the
 * connection-time check still applies to it later.
 */
export async function nonPublicAddressOf(
  url: URL,
  resolve: HostResolver = systemResolver,
): Promise<string | undefined> {
  const bracketless = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const host = bracketless.replace(/\.$/, '');
  if (isIP(host)) return isPublicAddress(host) ? undefined : host;
  let found: ResolvedAddress[];
  try {
    found = await resolve(host);
  } catch {
    return undefined;
  }
  return found.find((a) => !isPublicAddress(a.address))?.address;
}
