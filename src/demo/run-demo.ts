import { readdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type App } from '../app.js';
import type { Config } from '../config/index.js';
import { deliverBriefs, pollFeeds, processEpisodes, type Progress } from '../jobs/index.js';
import type { Brief } from '../model/brief.js';
import type { User } from '../model/user.js';
import { startDemoServer } from './demo-server.js';

/** The bundled sample data, beside src/ and dist/ alike. */
export const demoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'demo');

const demoSubscriber = { email: 'demo@podbrief.example', interests: ['open-source AI models', 'AI policy'] };

export interface DemoResult {
  app: App;
  dataDir: string;
  user: User;
  brief: Brief | undefined;
  outboxFile: string | null;
  feeds: number;
  episodes: number;
  insights: number;
}

export interface DemoHooks {
  progress?: (stage: string) => { onProgress: Progress; stop: () => void };
}

/**
 * The whole job on the embedded default, offline: serve the sample feeds on 127.0.0.1, poll them,
 * extract insights, compose a brief for a demo subscriber and leave its email in the outbox.
 * It runs in its own data folder (`<DATA_DIR>/demo`), started afresh each time. The caller closes `app`.
 */
export async function runDemo(config: Config, hooks: DemoHooks = {}): Promise<DemoResult> {
  const dataDir = join(config.dataDir, 'demo');
  await rm(dataDir, { recursive: true, force: true });
  const server = await startDemoServer(demoRoot);
  const app = await createApp({ ...config, dataDir, databaseUrl: '', smtpUrl: '', allowPrivateNetworks: true });
  try {
    for (const name of (await readdir(join(demoRoot, 'feeds'))).filter((n) => n.endsWith('.xml')).sort()) {
      await app.store.addFeed(`${server.origin}/feeds/${name}`);
    }
    const { user } = await app.store.addUser({ ...demoSubscriber, timezone: config.defaultTimezone, deliveryHour: 0 });

    const pollBar = hooks.progress?.('Polling');
    const feeds = await pollFeeds(app, { all: true, ...(pollBar ? { onProgress: pollBar.onProgress } : {}) });
    pollBar?.stop();
    const extractBar = hooks.progress?.('Extracting');
    const episodes = await processEpisodes(app, extractBar ? { onProgress: extractBar.onProgress } : {});
    extractBar?.stop();
    const [delivery] = await deliverBriefs(app, { ignoreHour: true, userIds: [user.id] });
    const brief = delivery?.briefId ? await app.store.briefById(delivery.briefId) : undefined;
    return {
      app,
      dataDir,
      user,
      brief,
      outboxFile: delivery?.send?.status === 'sent' ? delivery.send.location : null,
      feeds: feeds.filter((f) => f.status === 'updated').length,
      episodes: episodes.filter((e) => e.status === 'extracted').length,
      insights: episodes.reduce((n, e) => n + (e.status === 'extracted' ? e.insights : 0), 0),
    };
  } catch (err) {
    await app.close();
    throw err;
  } finally {
    await server.close();
  }
}
