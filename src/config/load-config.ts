import { AppError } from '../model/errors.js';
import { dkimConfigProblems } from './dkim.js';
import { llmConfigProblems } from './llm-checks.js';
import { options, type Config, type OptionKey } from './options.js';
import { readLayers, type LayerProblem, type RawValue } from './sources.js';

export interface LoadConfigOptions {
  /** Defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** JSON config file keyed by the env names; defaults to env `PODBRIEF_CONFIG`. */
  file?: string;
}

/**
 * Reads defaults < config file < environment, validates everything, and throws one
 * `AppError('invalid_config')` listing every problem, one per line.
 */
export function loadConfig(opts: LoadConfigOptions = {}): Config {
  const { config, problems } = parse(Object.keys(options) as OptionKey[], opts, () => true);
  if (problems.length > 0) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const lines = problems.map((p) => `  - ${p}`).join('\n');
    throw new AppError('invalid_config', `Invalid configuration (${count}):\n${lines}`);
  }
  return config as Config;
}

/**
 * Reads and validates only `keys`, from the same layers as loadConfig, for a command that must
 * not fail on a setting it never uses. Problems with other options (and unknown names in the
 * config file) are ignored; a config file that cannot be used at all is not, as it may hold one of
 * `keys`. Cross-checks run when all their options are among `keys`. Throws one
 * `AppError('invalid_config')` on a single line.
 */
export function loadOptions<K extends OptionKey>(keys: readonly K[], opts: LoadConfigOptions = {}): Pick<Config, K> {
  const wanted = new Set<OptionKey>(keys);
  const { config, problems } = parse(keys, opts, (about) => about === 'file' || wanted.has(about as OptionKey));
  if (problems.length > 0) throw new AppError('invalid_config', `Invalid configuration: ${problems.join('; ')}`);
  return config as Pick<Config, K>;
}

function sourcesOf(opts: LoadConfigOptions): { env: NodeJS.ProcessEnv; file: string | undefined } {
  const env = opts.env ?? process.env;
  return { env, file: opts.file ?? (env['PODBRIEF_CONFIG'] || undefined) };
}

function parse(
  keys: readonly OptionKey[],
  opts: LoadConfigOptions,
  reported: (about: LayerProblem['about']) => boolean,
): { config: Partial<Config>; problems: string[] } {
  const { env, file } = sourcesOf(opts);
  const layers = readLayers(env, file);
  const problems = layers.problems.filter((p) => reported(p.about)).map((p) => p.message);
  const config: Record<string, unknown> = {};
  for (const key of keys) {
    const spec = options[key];
    const raw: RawValue = layers.values.get(key) ?? { value: spec.default, source: 'default' };
    const parsed = spec.type.safeParse(raw.value);
    if (parsed.success) {
      config[key] = parsed.data;
      continue;
    }
    const expected = parsed.error.issues[0]?.message ?? 'invalid value';
    problems.push(`${spec.env}=${shown(key, raw.value)} (${raw.source}): ${expected}`);
  }
  if (problems.length === 0) {
    for (const check of crossChecks) {
      if (check.keys.every((k) => k in config)) problems.push(...check.problems(config as Config));
    }
  }
  return { config: config as Partial<Config>, problems };
}

function shown(key: OptionKey, value: string): string {
  return options[key].secret === true ? '<hidden>' : JSON.stringify(value);
}

/** Checks across options; each runs only when every option it reads was loaded. */
const crossChecks: Array<{ keys: OptionKey[]; problems(c: Config): string[] }> = [
  {
    keys: ['pollMinIntervalMinutes', 'pollIntervalMinutes', 'pollMaxIntervalMinutes'],
    problems: (c) =>
      c.pollMinIntervalMinutes > c.pollIntervalMinutes || c.pollIntervalMinutes > c.pollMaxIntervalMinutes
        ? [
            `POLL_MIN_INTERVAL_MINUTES (${c.pollMinIntervalMinutes}) <= POLL_INTERVAL_MINUTES (${c.pollIntervalMinutes}) <= POLL_MAX_INTERVAL_MINUTES (${c.pollMaxIntervalMinutes}) must hold`,
          ]
        : [],
  },
  {
    keys: ['fetchConnectTimeoutSeconds', 'fetchTimeoutSeconds'],
    problems: (c) =>
      c.fetchConnectTimeoutSeconds > c.fetchTimeoutSeconds
        ? [
            `FETCH_CONNECT_TIMEOUT_SECONDS (${c.fetchConnectTimeoutSeconds}) must not exceed FETCH_TIMEOUT_SECONDS (${c.fetchTimeoutSeconds})`,
          ]
        : [],
  },
  {
    keys: ['dkimDomain', 'dkimSelector', 'dkimPrivateKey'],
    problems: (c) => dkimConfigProblems(c),
  },
  {
    keys: ['insightEngine', 'llmProvider', 'llmBaseUrl', 'llmModel', 'llmApiKey'],
    problems: (c) => (c.insightEngine === 'llm' ? llmConfigProblems(c).map((p) => `INSIGHT_ENGINE=llm: ${p}`) : []),
  },
];
