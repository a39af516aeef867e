import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configDocsMarkdown } from '../src/config/index.js';

describe('README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

  it('quick start is exactly the two commands', () => {
    const block = /## Quick start\s+```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = block
      .split('\n')
      .map((l) => l.replace(/#.*$/, '').trim())
      .filter(Boolean);
    expect(commands).toEqual(['npm install && npm start', 'npm test']);
  });

  it('documents every configuration option (run `npm run docs:config` after changing them)', () => {
    const table = readme.slice(
      readme.indexOf('<!-- config-table:start -->'),
      readme.indexOf('<!-- config-table:end -->'),
    );
    expect(table).toContain(configDocsMarkdown().trim());
  });
});
