import { describe, expect, it } from 'vitest';
import { createLogger, withFields } from './logger.js';

describe('logger', () => {
  it('never writes a password from a URL', () => {
    const lines: string[] = [];
    const log = createLogger('info', (l) => lines.push(l));
    log.error('fetch https://user:hunter2@feeds.example/x failed', { url: 'postgres://app:pw123@db/podbrief' });
    expect(lines).toEqual(['error fetch https://***@feeds.example/x failed url=postgres://***@db/podbrief']);
  });

  it('writes JSON lines with level, time and msg first, then the child fields and the event fields', () => {
    const lines: string[] = [];
    const log = withFields(
      createLogger('debug', (l) => lines.push(l), 'json'),
      { reqId: 'r-1' },
    );
    log.warn('feed https://u:secret@feeds.example/x: 50% of "items" bad', { code: 'parse', n: 3, gone: undefined });
    log.debug('details');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(['level', 'time', 'reqId', 'code', 'n', 'msg']);
    expect(first).toMatchObject({
      level: 'warn',
      msg: 'feed https://***@feeds.example/x: 50% of "items" bad',
      reqId: 'r-1',
      code: 'parse',
      n: 3,
    });
    expect(new Date(first['time'] as string).toISOString()).toBe(first['time']);
    expect(lines[1]).not.toContain('secret');
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 'debug', msg: 'details', reqId: 'r-1' });
  });

  it('keeps the text form for a terminal, fields included, and honours the level', () => {
    const lines: string[] = [];
    const log = withFields(
      createLogger('info', (l) => lines.push(l)),
      { job: 'refresh-feed', jobId: 'a1' },
    );
    log.debug('hidden');
    log.info('polled %s', { title: 'A show', ok: true });
    expect(lines).toEqual(['info  polled %s job=refresh-feed jobId=a1 title="A show" ok=true']);
  });

  it('writes the text form of any field value as JSON would, and never throws on one', () => {
    const lines: string[] = [];
    const log = withFields(
      createLogger('info', (l) => lines.push(l)),
      { jobId: 'a1', n: 1 },
    );
    const cycle: Record<string, unknown> = { name: 'x' };
    cycle['self'] = cycle;
    log.warn('odd', { n: 2, gone: undefined, fn: () => 1, big: 10n, list: [1, 'a b'], at: new Date(0), cycle });
    log.error('plain');
    expect(lines).toEqual([
      'warn  odd jobId=a1 n=2 big=10 list="[1,\\"a b\\"]" at=1970-01-01T00:00:00.000Z cycle="[object Object]"',
      'error plain jobId=a1 n=1',
    ]);
  });

  it('adds fields to a logger made elsewhere too', () => {
    const seen: unknown[] = [];
    const plain = { debug: () => {}, info: (msg: string, f?: object) => seen.push([msg, f]), warn() {}, error() {} };
    withFields(plain, { jobId: 'x' }).info('hello', { n: 1 });
    expect(seen).toEqual([['hello', { jobId: 'x', n: 1 }]]);
  });
});
