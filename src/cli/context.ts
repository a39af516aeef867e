import { createApp, type App } from '../app.js';
import type { Command } from 'commander';
import { loadConfig, loadOptions, type Config, type OptionKey } from '../config/index.js';

export interface GlobalOptions {
  config?: string;
}

/** Loads config (failing with every problem listed), builds the app, runs `fn`, always closes. */
export async function withApp<T>(
  globals: GlobalOptions,
  fn: (app: App) => Promise<T>,
  overrides: Partial<Config> = {},
): Promise<T> {
  const config = { ...loadConfig(globals.config ? { file: globals.config } : {}), ...overrides };
  const app = await createApp(config);
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** A JSON array printed an element at a time, as printJson prints a whole one, for lists too long to hold. */
export function printJsonArray(): { element(value: unknown): void; end(): void } {
  let count = 0;
  return {
    element(value) {
      const text = JSON.stringify(value, null, 2).replaceAll('\n', '\n  ');
      process.stdout.write(`${count++ === 0 ? '[\n' : ',\n'}  ${text}`);
    },
    end() {
      process.stdout.write(count === 0 ? '[]\n' : '\n]\n');
    },
  };
}

/** Config from env and the `--config` file, for commands that need no store. */
export function loadGlobalConfig(program: Command): Config {
  const file = program.opts<GlobalOptions>().config;
  return loadConfig(file ? { file } : {});
}

/** Just `keys` from env and the `--config` file, checked on one line; other settings may be invalid. */
export function loadGlobalOptions<K extends OptionKey>(program: Command, keys: readonly K[]): Pick<Config, K> {
  const file = program.opts<GlobalOptions>().config;
  return loadOptions(keys, file ? { file } : {});
}

/** Resolves on the first SIGINT or SIGTERM (a second one ends the process as usual). */
export function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.once('SIGINT', on);
    process.once('SIGTERM', on);
  });
}
