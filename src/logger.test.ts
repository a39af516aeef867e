import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('logger', () => {
  it('never writes a password from a URL', () => {
    const lines: string[] = [];
    const log = createLogger('info', (l) => lines.push(l));
    log.error('fetch https://user:hunter2@feeds.example/x failed', { url: 'postgres://app:pw123@db/podbrief' });
    expect(lines).toEqual(['error fetch https://***@feeds.example/x failed url=postgres://***@db/podbrief']);
  });
});
