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
    'not-an-ip',
  ])('refuses %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('accepts %s', (ip) => {
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
    ]) {
      const err = await blocked(`http://${host}:${p}/feed.xml`);
      expect(err.code, host).toBe('blocked_private_network');
    }
    expect(canary.connections()).toBe(0);
  });

  it('refuses localhost after DNS resolution', async () => {
    const err = await blocked(`http://localhost:${canary.port}/`);
    expect(err.code).toBe('blocked_private_network');
    expect(err.message).toContain('localhost');
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
});
