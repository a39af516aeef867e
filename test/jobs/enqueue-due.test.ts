import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { Enqueue } from '../../src/jobs/queue/job-definition.js';
import { enqueueDue } from '../../src/jobs/queue/enqueue-due.js';
import { briefItem } from '../../src/store/test-fixtures.js';

const NOW = new Date('2026-11-29T08:00:00Z');
const TODAY = '2026-11-29';
const rules = { now: NOW, leaseMs: 60_000, maxAttempts: 6, retryDelayMs: () => 0 };

describe('the scale-mode scheduler tick', () => {
  let app: App;
  let dataDir: string;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'podbrief-enqueue-'));
    app = await createApp(loadConfig({ env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent' } }));
  });
  afterEach(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('queues a send-brief job only for subscribers whose brief today is not past sending', async () => {
    const ids: Record<string, number> = {};
    for (const name of ['sent', 'bounced', 'failed', 'composed', 'new']) {
      const { user } = await app.store.addUser({
        email: `${name}@example.com`,
        interests: [],
        timezone: 'UTC',
        deliveryHour: 6,
      });
      ids[name] = user.id;
    }
    const claimToday = async (name: string) => {
      const brief = await app.store.createBrief(ids[name]!, TODAY, [briefItem(1)]);
      return (await app.store.claimDelivery(brief!.id, rules))!;
    };
    await app.store.markDeliverySent((await claimToday('sent')).id, {
      transport: 'smtp',
      messageId: null,
      location: null,
    });
    await app.store.closeDelivery((await claimToday('bounced')).id, {
      status: 'bounced',
      error: '550',
      code: 'smtp_rejected',
    });
    await app.store.markDeliveryFailed((await claimToday('failed')).id, 'timeout', NOW);
    await app.store.createBrief(ids.composed!, TODAY, [briefItem(2)]);

    const queued = new Map<string, unknown[]>();
    const enqueue: Enqueue = async (job, items) => {
      queued.set(job.name, [...(queued.get(job.name) ?? []), ...items]);
      return items.length;
    };
    const counts = await enqueueDue(app, enqueue, NOW);

    expect(queued.get('send-brief')).toEqual(
      ['failed', 'composed', 'new'].map((name) => ({ userId: ids[name], date: TODAY })),
    );
    expect(counts.briefs).toBe(3);
  });
});
