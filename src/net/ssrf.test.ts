import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../test/net/local-server.js';
import { FetchError, isPublicAddress, safeFetch, type HostResolver } from './index.js';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '0.0.0.0',
    '10.0.0.1',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '198.18.0.1',
    '240.0.0.1',
    '255.255.255.255',
    '224.0.0.1',
    '192.0.2.1',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::',
    '2001:db8::1',
    // ::/96, the deprecated IPv4-compatible form, whatever it embeds
    '::127.0.0.1',
    '::7f00:1',
    '::8.8.8.8',
    '::0.0.0.1',
    '0:0:0:0:0:0:0:1',
    '0000:0000:0000:0000:0000:0000:0000:0001',
    // IPv4-mapped, every spelling
    '::ffff:7f00:1',
    '0:0:0:0:0:ffff:7f00:1',
    '::ffff:a00:1',
    '::ffff:0.0.0.0',
    // NAT64, 6to4 and Teredo carrying a private IPv4
    '64:ff9b::7f00:1',
    '64:ff9b::127.0.0.1',
    '64:ff9b::a00:5',
    '2002:7f00:1::',
    '2002:a9fe:a9fe::1',
    '2002:808:808::', // 6to4 is a tunnel: never dialled, even for a public IPv4
    '64:ff9b:1::808:808', // local-use NAT64
    '2001:0:4136:e378:8000:63bf:80ff:fffe', // Teredo, client 127.0.0.1
    '2001:0:4136:e378:8000:63bf:f7f7:f7f7', // Teredo, client 8.8.8.8: still a tunnel
    // link-local with a zone id, site-local, discard
    'fe80::1%eth0',
    'fe80::1%25eth0',
    'fec0::1',
    '100::1',
    // zero-padded IPv4 is not a valid literal here (the URL parser reads it as octal first)
    '127.000.000.001',
    'not-an-ip',
  ])('refuses %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '0:0:0:0:0:ffff:808:808',
    '64:ff9b::808:808', // DNS64 synthesises these for public IPv4 hosts
  ])('accepts %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });
});

describe('safeFetch: private network blocking', () => {
  let canary: LocalServer;
  beforeEach(async () => {
    canary = await startLocalServer((_req, res) => res.end('leaked'));
  });
  afterEach(async () => {
    await canary.close();
  });

  async function blocked(url: string, resolver?: HostResolver): Promise<FetchError> {
    try {
      await safeFetch(url, { timeoutMs: 3_000, ...(resolver && { resolver }) });
    } catch (err) {
      expect(err).toBeInstanceOf(FetchError);
      return err as FetchError;
    }
    throw new Error(`${url} was fetched`);
  }

  it('refuses 127.0.0.1 and its obfuscated spellings before any connection', async () => {
    const p = canary.port;
    for (const host of [
      '127.0.0.1',
      '2130706433',
      '0x7f.1',
      '0177.0.0.1',
      '127.1',
      '[::1]',
      '[::ffff:127.0.0.1]',
      '0.0.0.0',
      '[::]',
      '[::127.0.0.1]',
      '[::7f00:1]',
      '[::ffff:7f00:1]',
      '[0:0:0:0:0:ffff:7f00:1]',
      '[64:ff9b::7f00:1]',
      '[2002:7f00:1::]',
      '[2001:0:4136:e378:8000:63bf:80ff:fffe]',
      '0x7f000001',
      '017700000001',
      '127.0.0.1.',
      '0x7f.0.0.1',
    ]) {
      const err = await blocked(`http://${host}:${p}/feed.xml`);
      expect(err.code, host).toBe('blocked_private_network');
    }
    expect(canary.connections()).toBe(0);
  });

  it('refuses every literal form of the addresses in the hostile-inputs matrix', async () => {
    const p = canary.port;
    for (const host of [
      '10.0.0.1',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '198.18.0.1',
      '240.0.0.1',
      '[fc00::1]',
      '[fe80::1]',
      '[::ffff:169.254.169.254]',
      '[64:ff9b::a9fe:a9fe]',
      '2852039166', // 169.254.169.254 as one number
      '0xa9.0xfe.0xa9.0xfe',
      '0251.0376.0251.0376',
      '10.1',
    ]) {
      const err = await blocked(`http://${host}:${p}/feed.xml`);
      expect(err.code, host).toBe('blocked_private_network');
    }
    expect(canary.connections()).toBe(0);
  });

  it('refuses a host name with a trailing dot that resolves to loopback (stub DNS)', async () => {
    const asked: string[] = [];
    const resolver: HostResolver = async (name) => {
      asked.push(name);
      return name.replace(/\.$/, '') === 'intranet.example' ? [{ address: '10.0.0.5', family: 4 }] : [];
    };
    const err = await blocked(`http://intranet.example.:${canary.port}/`, resolver);
    expect(asked.length).toBeGreaterThan(0);
    expect(err.code).toBe('blocked_private_network');
    expect(canary.connections()).toBe(0);
  });

  it('refuses localhost after DNS resolution', async () => {
    const err = await blocked(`http://localhost:${canary.port}/`);
    expect(err.code).toBe('blocked_private_network');
    expect(err.message).toContain('localhost');
    expect(err.message).toContain('set ALLOW_PRIVATE_NETWORKS=true');
    expect(canary.connections()).toBe(0);
  });

  it('checks the addresses actually resolved, for every address (stub DNS)', async () => {
    const rebinding: HostResolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const mixed: HostResolver = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '::1', family: 6 },
    ];
    expect((await blocked(`http://127.0.0.1.nip.io:${canary.port}/`, rebinding)).code).toBe('blocked_private_network');
    expect((await blocked(`http://feeds.example.com:${canary.port}/`, mixed)).code).toBe('blocked_private_network');
    expect(canary.connections()).toBe(0);
  });

  it('lets the same server through only when allowPrivateNetworks is set', async () => {
    const r = await safeFetch(`${canary.url}/`, { allowPrivateNetworks: true });
    expect(r.body.toString()).toBe('leaked');
    expect(canary.connections()).toBe(1);
  });

  it('never lends a kept-alive connection opened with allowPrivateNetworks to a request without it', async () => {
    const loopback: HostResolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const url = `http://feeds.example.com:${canary.port}/`;
    await safeFetch(url, { allowPrivateNetworks: true, resolver: loopback });
    expect((await blocked(url, loopback)).code).toBe('blocked_private_network');
    expect(canary.connections()).toBe(1);
  });
});
