import { AppError } from '../model/errors.js';
import { llmConfigProblems } from './llm-checks.js';
import { options, type Config, type OptionKey } from './options.js';
import { readLayers, type RawValue } from './sources.js';

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
  const env = opts.env ?? process.env;
  const file = opts.file ?? (env['PODBRIEF_CONFIG'] || undefined);
  const { values, problems } = readLayers(env, file);
  const config: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(options)) {
    const raw: RawValue = values.get(key as OptionKey) ?? { value: spec.default, source: 'default' };
    const parsed = spec.type.safeParse(raw.value);
    if (parsed.success) {
      config[key] = parsed.data;
      continue;
    }
    const expected = parsed.error.issues[0]?.message ?? 'invalid value';
    problems.push(`${spec.env}=${shown(key as OptionKey, raw.value)} (${raw.source}): ${expected}`);
  }
  if (problems.length === 0) problems.push(...crossChecks(config as Config));
  if (problems.length > 0) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const lines = problems.map((p) => `  - ${p}`).join('\n');
    throw new AppError('invalid_config', `Invalid configuration (${count}):\n${lines}`);
  }
  return config as Config;
}

function shown(key: OptionKey, value: string): string {
  return options[key].secret === true ? '<hidden>' : JSON.stringify(value);
}

function crossChecks(c: Config): string[] {
  const problems: string[] = [];
  if (c.pollMinIntervalMinutes > c.pollIntervalMinutes || c.pollIntervalMinutes > c.pollMaxIntervalMinutes) {
    problems.push(
      `POLL_MIN_INTERVAL_MINUTES (${c.pollMinIntervalMinutes}) <= POLL_INTERVAL_MINUTES (${c.pollIntervalMinutes}) <= POLL_MAX_INTERVAL_MINUTES (${c.pollMaxIntervalMinutes}) must hold`,
    );
  }
  if (c.fetchConnectTimeoutSeconds > c.fetchTimeoutSeconds) {
    problems.push(
      `FETCH_CONNECT_TIMEOUT_SECONDS (${c.fetchConnectTimeoutSeconds}) must not exceed FETCH_TIMEOUT_SECONDS (${c.fetchTimeoutSeconds})`,
    );
  }
  if (c.insightEngine === 'llm') problems.push(...llmConfigProblems(c).map((p) => `INSIGHT_ENGINE=llm: ${p}`));
  return problems;
}
