import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOpml } from '../../src/feeds/index.js';
import { invokeCli } from './run-cli.js';

describe('CLI: feeds remove and feeds export', () => {
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'podbrief-cli-feeds-rm-'));
    env = { DATA_DIR: dataDir, ALLOW_PRIVATE_NETWORKS: 'true', DATABASE_URL: '', SMTP_URL: '' };
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const urls = async () =>
    (JSON.parse((await invokeCli(['feeds', 'list', '--json'], env)).stdout) as { url: string }[]).map((f) => f.url);

  it('exports every feed as OPML 2.0, to stdout or a file, without credentials', async () => {
    for (const url of [
      'https://feeds.example/one.xml?a=1&b=<2>',
      'https://carol:t0p-secret@feeds.example/private.xml',
      'https://feeds.example/three.xml',
    ])
      expect((await invokeCli(['feeds', 'add', url], env)).code).toBe(0);

    const out = await invokeCli(['feeds', 'export'], env);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(out.stdout).toContain('<opml version="2.0">');
    expect(out.stdout).toContain('a=1&amp;b=&lt;2&gt;');
    expect(out.stdout).not.toContain('t0p-secret');
    expect(out.stdout).not.toContain('carol');
    expect(parseOpml(out.stdout).map((o) => o.url)).toEqual([
      'https://feeds.example/one.xml?a=1&b=%3C2%3E',
      'https://feeds.example/private.xml',
      'https://feeds.example/three.xml',
    ]);

    const file = join(dataDir, 'out.opml');
    const toFile = await invokeCli(['feeds', 'export', file], env);
    expect(toFile.code, toFile.stderr).toBe(0);
    expect(toFile.stdout).toContain(`exported 3 feeds to ${file}`);
    expect(parseOpml(readFileSync(file, 'utf8'))).toHaveLength(3);
  });

  it('removes a feed by id or by URL (credentials or not), and says so for an unknown one', async () => {
    const byId = await invokeCli(['feeds', 'remove', '1'], env);
    expect(byId.code, byId.stderr).toBe(0);
    expect(byId.stdout).toMatch(/^removed feed 1: https:\/\/feeds\.example\/one\.xml/);
    const byUrl = await invokeCli(['feeds', 'remove', 'https://carol:whatever@feeds.example/private.xml'], env);
    expect(byUrl.code, byUrl.stderr).toBe(0);
    expect(byUrl.stdout).toContain('removed feed 2: https://feeds.example/private.xml');
    expect(byUrl.stdout + byUrl.stderr).not.toContain('whatever');
    expect(await urls()).toEqual(['https://feeds.example/three.xml']);

    const missing = await invokeCli(['feeds', 'remove', 'https://dave:pw123@feeds.example/none.xml'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('no feed https://feeds.example/none.xml');
    expect(missing.stderr).not.toContain('pw123');
    expect((await invokeCli(['feeds', 'remove', '42'], env)).code).toBe(1);
  });
});
