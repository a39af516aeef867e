import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';
import { startDemoServer } from '../../src/demo/demo-server.js';
import { demoRoot } from '../../src/demo/run-demo.js';
import { pollFeeds, processEpisodes } from '../../src/jobs/index.js';
import type { User } from '../../src/model/user.js';
import { startWebServer, type WebServer } from '../../src/web/index.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

/** A whole Podbrief as a subscriber meets it: its web server, and the real SMTP server its mail goes to. */
export interface RunningPodbrief {
  app: App;
  /** The web server's origin, also the app's PUBLIC_URL, so emailed links lead back to it. */
  url: string;
  smtp: SmtpSink;
  dataDir: string;
  /** The app's log lines (info and above), kept to explain a failed test, not shown otherwise. */
  logs: string[];
  close(): Promise<void>;
}

/**
 * Starts a real app (temp DATA_DIR, SQLite, SMTP_URL = a local SMTP sink) and its web server on
 * 127.0.0.1. PUBLIC_URL must name the server's port before the app is made, so a free port is found
 * first; if another process takes it in between, it tries another.
 */
export async function startPodbrief(env: Record<string, string> = {}): Promise<RunningPodbrief> {
  const smtp = await startSmtpSink();
  const dataDir = mkdtempSync(join(tmpdir(), 'podbrief-browser-'));
  const logs: string[] = [];
  const log = createLogger('info', (line) => logs.push(`${new Date().toISOString()} ${line}`));
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const app = await createApp(
      loadConfig({
        env: { DATA_DIR: dataDir, SMTP_URL: smtp.url, PUBLIC_URL: url, ...env },
      }),
      { log },
    );
    let server: WebServer;
    try {
      server = await startWebServer(app, { host: '127.0.0.1', port });
    } catch (err) {
      await app.close();
      if (attempt < 5 && (err as NodeJS.ErrnoException).code === 'EADDRINUSE') continue;
      await smtp.close();
      throw err;
    }
    return {
      app,
      url,
      smtp,
      dataDir,
      logs,
      async close() {
        await server.close();
        await app.close();
        await smtp.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The bundled demo shows (real-shaped feeds and transcripts, served on 127.0.0.1), polled and
 * processed into insights, and one subscriber: after this, `deliverBriefs` composes and sends a
 * real brief. Needs ALLOW_PRIVATE_NETWORKS=true (the feeds are on loopback).
 */
export async function seedDemo(pb: RunningPodbrief, subscriber: { email: string; interests: string[] }): Promise<User> {
  const feeds = await startDemoServer(demoRoot);
  try {
    for (const name of readdirSync(join(demoRoot, 'feeds')).filter((n) => n.endsWith('.xml')))
      await pb.app.store.addFeed(`${feeds.origin}/feeds/${name}`);
    const { user } = await pb.app.store.addUser({ ...subscriber, deliveryHour: 0 });
    await pollFeeds(pb.app, { all: true });
    await processEpisodes(pb.app);
    return user;
  } finally {
    await feeds.close();
  }
}
