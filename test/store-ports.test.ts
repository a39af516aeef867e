import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

/**
 * Where the whole Store may be named as a type: the store itself, the composition root that opens it,
 * and each entry with the reason it needs every method.
 */
const ALLOWED: Record<string, string> = {
  'src/insights/llm/test-support/harness.ts': 'a test harness that opens a real store and hands it to the test',
};

/** A value typed as the whole Store (`store: Store`, `): Store`), or an App pick that hands it on whole. */
const WHOLE_STORE = /:\s*Store\b(?!\[)|Pick<\s*App\s*,[^>]*'store'/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(dir, f));
}

describe('stages, tasks and routes take a port of the Store (docs/ARCHITECTURE.md, "Ports")', () => {
  it('nothing outside src/store and src/app.ts is typed as the whole Store', () => {
    const offenders = sourceFiles('src')
      .filter((f) => !f.startsWith('src/store/') && f !== 'src/app.ts' && !(f in ALLOWED))
      .flatMap((f) =>
        readFileSync(join(root, f), 'utf8')
          .split('\n')
          .flatMap((line, i) => (WHOLE_STORE.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders, 'type these as a Pick<Store, …> of the methods they call').toEqual([]);
  });

  it('every allowed file still names the whole Store (else drop it from the list)', () => {
    for (const f of Object.keys(ALLOWED)) expect(readFileSync(join(root, f), 'utf8')).toMatch(WHOLE_STORE);
  });
});
