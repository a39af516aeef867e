/**
 * Requests/s and p99 latency of the web server, run as `podbrief serve` in a child process (so its
 * peak RSS can be read from /proc/<pid>/status), on a store seeded by the demo plus many subscribers.
 *   npm run bench:web [-- --seconds 10 --connections 10 --users 500]
 * Loopback only. The target list is data: a target whose page answers 404 (not built yet) is skipped
 * with a note, so it starts being measured once the page lands.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/index.js';
import { userLinkUrl } from '../src/delivery/index.js';
import { runDemo } from '../src/demo/run-demo.js';
import { latestMail, linkIn } from '../test/helpers/mail-links.js';
import { startSmtpSink, type SmtpSink } from '../test/helpers/smtp-sink.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 10);
const USERS = arg('users', 500);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(repoRoot, 'dist', 'cli', 'main.js');
if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first (npm run bench:web does)`);

interface Context {
  url: string;
  smtp: SmtpSink;
  /** The demo subscriber, who has a brief. */
  email: string;
  /** path?query of each bench subscriber's one-click unsubscribe link. */
  unsubscribePaths: string[];
}

interface Target {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  note?: string;
  /** Headers (a session cookie) the target needs; a thrown error skips it with that message. */
  prepare?: (ctx: Context) => Promise<Record<string, string>>;
  body?: string;
  /** A different path for each request (cycled). */
  paths?: (ctx: Context) => string[];
}

const targets: Target[] = [
  { name: 'landing page', method: 'GET', path: '/' },
  {
    name: 'archive (signed in)',
    method: 'GET',
    path: '/account/archive',
    prepare: async (ctx) => ({ cookie: await signIn(ctx) }),
  },
  {
    name: 'one-click unsubscribe',
    method: 'POST',
    path: '/unsubscribe',
    body: 'List-Unsubscribe=One-Click',
    paths: (ctx) => ctx.unsubscribePaths,
    note: `cycles over ${USERS} subscribers: after the first round each POST repeats an unsubscribe (same row write)`,
  },
];

/** Seeds DATA_DIR/demo with the demo (4 shows, their insights, a brief) and USERS subscribers. */
async function seed(dataDir: string): Promise<{ demoDir: string; email: string; unsubscribePaths: string[] }> {
  const demo = await runDemo(loadConfig({ env: { DATA_DIR: dataDir, LOG_LEVEL: 'error' } }));
  try {
    const unsubscribePaths: string[] = [];
    for (let i = 0; i < USERS; i++) {
      const { user } = await demo.app.store.addUser({ email: `bench-${i}@example.com`, interests: ['AI policy'] });
      const link = new URL(userLinkUrl('unsubscribe', 'http://bench.invalid', user.id, demo.app.secret));
      unsubscribePaths.push(link.pathname + link.search);
    }
    return { demoDir: demo.dataDir, email: demo.user.email, unsubscribePaths };
  } finally {
    await demo.app.close();
  }
}

/**
 * A session cookie through the sign-in flow as a browser goes through it: POST /login with the address,
 * the magic link from the mail (/login/verify?token=…), its GET (a page with a button, which signs no
 * one in), then that button's POST of the token, whose 303 sets the cookie.
 */
async function signIn(ctx: Context): Promise<string> {
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ctx.url },
    body: new URLSearchParams(fields),
    redirect: 'manual' as const,
  });
  const before = ctx.smtp.messages.length;
  const asked = await fetch(`${ctx.url}/login`, form({ email: ctx.email }));
  if (asked.status !== 200) throw new Error(`POST /login answered ${asked.status}`);
  for (let i = 0; i < 50 && ctx.smtp.messages.length === before; i++) await new Promise((r) => setTimeout(r, 100));
  const link = new URL(linkIn(latestMail(ctx.smtp, ctx.email), /\/login\/verify\?token=/));
  const page = await fetch(link, { redirect: 'manual' });
  if (page.status !== 200 || page.headers.getSetCookie().length)
    throw new Error(
      `GET ${link.pathname} answered ${page.status}${page.headers.getSetCookie().length ? ' and set a cookie' : ''}`,
    );
  const verified = await fetch(
    `${ctx.url}/login/verify`,
    form({ token: link.searchParams.get('token') ?? '', next: '/account/archive' }),
  );
  const cookies = verified.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (verified.status !== 303 || cookies.length === 0)
    throw new Error(`POST /login/verify answered ${verified.status} without a session cookie`);
  const cookie = cookies.join('; ');
  // The cookie opens the archive itself, not the sign-in page it redirects to without one.
  const archive = await fetch(`${ctx.url}/account/archive`, { headers: { cookie }, redirect: 'manual' });
  if (archive.status !== 200 || !(await archive.text()).includes('<h1>Archive</h1>'))
    throw new Error(`GET /account/archive with the session answered ${archive.status}, not the archive`);
  return cookie;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** `podbrief serve --no-scheduler` from dist/, resolved once it prints its URL. */
async function startServe(demoDir: string, smtp: SmtpSink): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [main, 'serve', '--no-scheduler', '--host', '127.0.0.1', '--port', String(port)],
    {
      env: {
        ...process.env,
        DATA_DIR: demoDir,
        DATABASE_URL: '',
        SMTP_URL: smtp.url,
        PUBLIC_URL: url,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((ready, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      if (out.includes('Podbrief is serving')) ready();
    });
    child.once('exit', (code) => fail(new Error(`podbrief serve exited (${code}) before serving: ${out}`)));
  });
  child.stdout!.resume();
  return { child, url };
}

/** VmHWM (peak resident set) and VmRSS of a process, in MB. */
function memory(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
}

const dataDir = mkdtempSync(join(tmpdir(), 'podbrief-bench-web-'));
const smtp = await startSmtpSink();
let serve: { child: ChildProcess; url: string } | undefined;
try {
  const seeded = await seed(dataDir);
  serve = await startServe(seeded.demoDir, smtp);
  const pid = serve.child.pid!;
  const ctx: Context = { url: serve.url, smtp, email: seeded.email, unsubscribePaths: seeded.unsubscribePaths };
  console.log(
    `podbrief serve (pid ${pid}) at ${serve.url}: demo store + ${USERS} subscribers; ${CONNECTIONS} connections, ${SECONDS} s per target; RSS at start ${memory(pid).now.toFixed(0)} MB`,
  );

  const rows: string[][] = [];
  const notes: string[] = [];
  for (const target of targets) {
    let headers: Record<string, string> = {};
    const paths = target.paths?.(ctx) ?? [target.path];
    const probe = await fetch(serve.url + paths[0], { method: target.method === 'POST' ? 'HEAD' : 'GET' });
    if (probe.status === 404) {
      notes.push(`${target.name}: skipped, ${target.path} answers 404 (not built yet)`);
      continue;
    }
    try {
      headers = (await target.prepare?.(ctx)) ?? {};
    } catch (err) {
      notes.push(`${target.name}: skipped, ${(err as Error).message}`);
      continue;
    }
    if (target.body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    let next = 0;
    const result = await autocannon({
      url: serve.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: target.method,
          headers,
          ...(target.body !== undefined ? { body: target.body } : {}),
          setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }),
        },
      ],
    });
    const mem = memory(pid);
    rows.push([
      target.name,
      `${target.method} ${target.path}`,
      result.requests.average.toFixed(0),
      String(result.latency.p50),
      String(result.latency.p99),
      String(result.non2xx + result.errors + result.timeouts),
      mem.now.toFixed(0),
    ]);
    if (target.note) notes.push(`${target.name}: ${target.note}`);
  }

  const head = ['target', 'request', 'req/s', 'p50 ms', 'p99 ms', 'not 2xx', 'RSS MB'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(['', line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''].join('\n'));
  for (const note of notes) console.log(`note: ${note}`);
  console.log(`peak RSS of podbrief serve (VmHWM): ${memory(pid).peak.toFixed(0)} MB`);
} finally {
  if (serve) {
    const exited = new Promise((done) => serve!.child.once('exit', done));
    serve.child.kill('SIGTERM');
    await exited;
  }
  await smtp.close();
  rmSync(dataDir, { recursive: true, force: true });
}
