import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { testDialects } from './test-harness.js';
import { useTestStore } from './test-store.js';

for (const { dialect, label, skip } of await testDialects()) {
  describe.skipIf(skip)(`send pace slots [${label}]`, () => {
    const t = useTestStore(dialect);

    it('gives the first block now and the next one after it, by the database clock', async () => {
      const before = performance.now();
      const first = await t.store.reserveSendSlots(3, 100);
      const second = await t.store.reserveSendSlots(2, 100);
      const elapsed = performance.now() - before;

      expect(first).toBeCloseTo(0, 1);
      // The second block starts where the first (3 × 100 ms) ends, less what passed in between.
      expect(second).toBeLessThanOrEqual(300.01);
      expect(second).toBeGreaterThanOrEqual(300 - elapsed - 1);
      const third = await t.store.reserveSendSlots(1, 100);
      expect(third).toBeGreaterThanOrEqual(500 - (performance.now() - before) - 1);
    });

    it('starts now again once the reserved slots have passed', async () => {
      await t.store.reserveSendSlots(2, 10);
      await sleep(40);
      expect(await t.store.reserveSendSlots(2, 10)).toBeCloseTo(0, 1);
    });

    it('refuses an empty block', async () => {
      await expect(t.store.reserveSendSlots(0, 100)).rejects.toThrow(/slots/);
      await expect(t.store.reserveSendSlots(1, 0)).rejects.toThrow(/slots/);
    });
  });
}
