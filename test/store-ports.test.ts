import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

interface Rule {
  /** A line that hands something the whole Store or the whole App. */
  pattern: RegExp;
  /** Files that may, each with the reason it needs the whole thing. */
  allowed: Record<string, string>;
  fix: string;
}

const RULES: Record<string, Rule> = {
  Store: {
    // `store: Store`, `): Store`, and an App pick that passes the store on whole.
    pattern: /:\s*Store\b(?!\[)|Pick<\s*App\s*,[^>]*'store'/,
    allowed: {
      'src/insights/llm/test-support/harness.ts': 'a test harness that opens a real store and hands it to the test',
    },
    fix: 'type these as a Pick<Store, …> of the methods they call (a port, docs/ARCHITECTURE.md "Ports")',
  },
  App: {
    pattern: /:\s*App\b(?![\w[])/,
    allowed: {
      'src/web/server.ts': 'builds every route from the one App',
      'src/jobs/queue/worker.ts': 'hands each job the App; each job definition names the part it uses',
      'src/cli/context.ts': 'opens the App a command runs with',
      'src/cli/commands/serve.ts': 'starts the roles (web, scheduler, worker) on one App',
      'src/demo/run-demo.ts': 'gives its caller the App it built',
    },
    fix: 'type these as Pick<App, …> & { store: <port> } of what they use',
  },
};

/** Where the whole Store and App are built: the store itself and the composition root. */
const OWNERS = (f: string) => f.startsWith('src/store/') || f === 'src/app.ts';

function sourceFiles(): string[] {
  return readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join('src', f))
    .filter((f) => !OWNERS(f));
}

describe('stages, tasks and routes take ports, not the whole Store or App (docs/ARCHITECTURE.md, "Ports")', () => {
  for (const [name, rule] of Object.entries(RULES)) {
    it(`nothing outside src/store, src/app.ts and the allowed composition points is typed as the whole ${name}`, () => {
      const offenders = sourceFiles()
        .filter((f) => !(f in rule.allowed))
        .flatMap((f) =>
          readFileSync(join(root, f), 'utf8')
            .split('\n')
            .flatMap((line, i) => (rule.pattern.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
        );
      expect(offenders, rule.fix).toEqual([]);
    });

    it(`every file allowed the whole ${name} still takes it (else drop it from the list)`, () => {
      for (const f of Object.keys(rule.allowed)) expect(readFileSync(join(root, f), 'utf8')).toMatch(rule.pattern);
    });
  }
});
