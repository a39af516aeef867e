import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeCli } from './run-cli.js';

/** `feeds add` and `feeds import` refuse what could never be polled, at once, with one line naming the setting. */
describe('CLI: feed URLs are checked when they are added', () => {
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'podbrief-cli-feed-urls-'));
    env = { DATA_DIR: dataDir, ALLOW_PRIVATE_NETWORKS: 'false', DATABASE_URL: '', SMTP_URL: '' };
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['https://10.0.0.5/feed.xml', '10.0.0.5'],
    ['http://127.0.0.1:8080/feed.xml', '127.0.0.1'],
    ['http://2130706433/feed.xml', '127.0.0.1'],
    ['http://[::ffff:7f00:1]/feed.xml', '::ffff:7f00:1'],
    ['http://[::127.0.0.1]/feed.xml', '::7f00:1'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['http://localhost/feed.xml', ''],
  ])('refuses %s with one line naming ALLOW_PRIVATE_NETWORKS', async (url, address) => {
    const res = await invokeCli(['feeds', 'add', url], env);
    expect(res.code).toBe(1);
    const lines = res.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^podbrief: .* points at a private address \(.+\); set ALLOW_PRIVATE_NETWORKS=true/);
    if (address) expect(lines[0]).toContain(`(${address})`);
    const list = await invokeCli(['feeds', 'list', '--json'], env);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('never shows the credentials of a refused URL', async () => {
    const res = await invokeCli(['feeds', 'add', 'https://alice:s3cret-pw@10.0.0.5/feed.xml'], env);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('https://10.0.0.5/feed.xml points at a private address (10.0.0.5)');
    expect(res.stderr).not.toContain('s3cret-pw');
  });

  it('refuses non-http schemes', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/feed.xml', 'gopher://example.com/']) {
      const res = await invokeCli(['feeds', 'add', url], env);
      expect(res.code, url).toBe(1);
      expect(res.stderr).toContain('only http and https feeds are supported');
    }
  });

  it('adds a private feed when ALLOW_PRIVATE_NETWORKS=true', async () => {
    const res = await invokeCli(['feeds', 'add', 'http://10.0.0.5/feed.xml'], {
      ...env,
      ALLOW_PRIVATE_NETWORKS: 'true',
    });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('added feed');
  });

  it('imports OPML entry by entry: private ones refused, each named, then summarised', async () => {
    const opml = join(dataDir, 'mixed.opml');
    writeFileSync(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><body>
<outline text="Public" xmlUrl="https://podcasts.invalid/one.xml"/>
<outline text="NAS" xmlUrl="http://192.168.1.20/feed.xml"/>
<outline text="Metadata" xmlUrl="http://[fe80::1]/feed.xml"/>
</body></opml>`,
    );
    const res = await invokeCli(['feeds', 'import', opml], env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('imported 1 feeds');
    expect(res.stdout).toContain('2 refused');
    expect(res.stderr).toContain('refused: http://192.168.1.20/feed.xml points at a private address (192.168.1.20)');
    expect(res.stderr).toContain('(fe80::1)');
    const urls = (JSON.parse((await invokeCli(['feeds', 'list', '--json'], env)).stdout) as { url: string }[]).map(
      (f) => f.url,
    );
    expect(urls).toContain('https://podcasts.invalid/one.xml');
    expect(urls).not.toContain('http://192.168.1.20/feed.xml');
  });
});
