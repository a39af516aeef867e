import { describe, expect, it } from 'vitest';
import { configDocsMarkdown, describeConfig, loadConfig, options } from './index.js';

describe('describeConfig', () => {
  it('prints every option with secrets masked', () => {
    const config = loadConfig({
      env: {
        SMTP_URL: 'smtp://user:hunter2@mail.example.com',
        SECRET_KEY: 'a-very-secret-key-123',
        DATABASE_URL: 'postgres://u:pw@db/x',
        PORT: '9000',
      },
    });
    const text = describeConfig(config);
    expect(text.split('\n')).toHaveLength(Object.keys(options).length);
    expect(text).toMatch(/^PORT +?= 9000$/m);
    expect(text).toMatch(/^SMTP_URL +?= \(set, hidden\)$/m);
    expect(text).toMatch(/^SECRET_KEY +?= \(set, hidden\)$/m);
    expect(text).toMatch(/^ALLOW_PRIVATE_NETWORKS +?= false$/m);
    for (const secret of ['hunter2', 'a-very-secret-key-123', 'pw@db']) expect(text).not.toContain(secret);
    expect(describeConfig(loadConfig({ env: {} }))).toMatch(/^SMTP_URL +?= \(empty\)$/m);
  });
});

describe('configDocsMarkdown', () => {
  it('renders one table row per option with its default and description', () => {
    const lines = configDocsMarkdown().split('\n');
    expect(lines[0]).toBe('| Name | Default | Description |');
    expect(lines).toHaveLength(2 + Object.keys(options).length);
    expect(lines).toContain('| `BRIEF_SIZE` | `5` | Insights per daily brief. |');
    expect(lines.find((l) => l.startsWith('| `SECRET_KEY`'))).toContain('`SECRET_KEY_FILE`');
    expect(lines.find((l) => l.startsWith('| `SMTP_URL`'))).toMatch(/^\| `SMTP_URL` \| \(empty\) \|/);
  });

  it('documents every default so that it parses', () => {
    const defaults = Object.values(options).map((spec) => spec.type.safeParse(spec.default).success);
    expect(defaults.every(Boolean)).toBe(true);
  });
});
