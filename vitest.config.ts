import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Much of the suite waits on sockets, PostgreSQL and child processes: two workers keep even two cores busy
    // (vitest's default, one fewer than the cores, would be one).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The test files share no mutable module state (no mocks, no stubbed globals; the in-process CLI runner
    // puts back what it changes), so a worker need not re-import every module for each file.
    isolate: false,
  },
});
