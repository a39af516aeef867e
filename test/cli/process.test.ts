import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRoot } from '../../src/demo/run-demo.js';
import { startDemoServer, type DemoServer } from '../../src/demo/demo-server.js';
import { invokeCli, spawnCli } from './run-cli.js';

/**
 * The few things only a real process shows: its exit status, what reaches its stdout and stderr,
 * and that the entry point starts. Everything else drives the CLI in-process (`invokeCli`).
 */
describe('the podbrief process', () => {
  let server: DemoServer;
  let tmp: string;

  beforeAll(async () => {
    server = await startDemoServer(demoRoot);
    tmp = mkdtempSync(join(tmpdir(), 'podbrief-process-'));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('the entry point starts: --help and --version exit 0 on stdout, nothing on stderr', async () => {
    const help = await spawnCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toMatch(/^Usage: podbrief \[options\] \[command\]/);
    for (const command of [
      'feeds',
      'poll',
      'insights',
      'related',
      'transcribe',
      'eval',
      'users',
      'brief',
      'send',
      'serve',
      'worker',
      'status',
      'demo',
    ]) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
    const version = await spawnCli(['--version']);
    expect(version).toEqual({
      code: 0,
      stdout: `${(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version}\n`,
      stderr: '',
    });
  });

  it('bad input: exit status 1, one line on stderr, nothing on stdout', async () => {
    const missing = join(tmp, 'missing.vtt');
    const res = await spawnCli(['transcript', missing]);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^podbrief: .*missing\.vtt.*\n$/);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);

    const unknown = await spawnCli(['no-such-command']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^error: unknown command 'no-such-command'/);
  });

  it('with --json, stdout is one JSON document and progress never reaches a pipe', { timeout: 120_000 }, async () => {
    const env = {
      DATA_DIR: join(tmp, 'data'),
      ALLOW_PRIVATE_NETWORKS: 'true',
      DATABASE_URL: '',
      SMTP_URL: '',
      LOG_LEVEL: 'debug',
    };
    expect((await invokeCli(['feeds', 'add', `${server.origin}/feeds/hot-path.xml`], env)).code).toBe(0);
    const poll = await spawnCli(['poll', '--json'], env);
    expect(poll.code, poll.stderr).toBe(0);
    const polled = JSON.parse(poll.stdout) as { feeds: { status: string }[]; episodes: { status: string }[] };
    expect(polled.feeds.map((f) => f.status)).toEqual(['updated']);
    expect(polled.episodes.length).toBeGreaterThan(0);
    expect(polled.episodes.every((e) => e.status === 'extracted')).toBe(true);
    // Debug logging goes to stderr as whole lines; no progress bar (no \r, no bar glyphs) on a pipe.
    expect(poll.stderr).not.toMatch(/[\r\u2591\u2588]|Polling|Extracting/);
    for (const line of poll.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^(debug|info |warn |error) /);
  });
});
