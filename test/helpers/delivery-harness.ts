import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

export interface DeliveryHarness {
  /** Runs after the test, last registered first. */
  defer(cleanup: () => Promise<void> | void): void;
  /** A local SMTP server, closed after the test. */
  sink(): Promise<SmtpSink>;
  /** An empty directory, removed after the test. */
  tempDir(): string;
  /** An app as a process would open it from `env` (silent log, a public URL), closed after the test. */
  openApp(env: Record<string, string>): Promise<App>;
}

/** What the delivery tests set up and tear down around each test; call once, at a test file's top. */
export function deliveryHarness(): DeliveryHarness {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const defer = (cleanup: () => Promise<void> | void) => {
    cleanups.push(cleanup);
  };
  return {
    defer,
    async sink() {
      const s = await startSmtpSink();
      defer(() => s.close());
      return s;
    },
    tempDir() {
      const dir = mkdtempSync(join(tmpdir(), 'podbrief-delivery-'));
      defer(() => rmSync(dir, { recursive: true, force: true }));
      return dir;
    },
    async openApp(env) {
      const app = await createApp(
        loadConfig({ env: { LOG_LEVEL: 'silent', PUBLIC_URL: 'https://brief.podbrief.example', ...env } }),
      );
      defer(() => app.close());
      return app;
    },
  };
}
