import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { errorMessage } from '../model/errors.js';
import { options, type OptionKey } from './options.js';

/** A raw value and where it came from, for error messages. */
export interface RawValue {
  value: string;
  source: string;
}

export interface Layers {
  values: Map<OptionKey, RawValue>;
  problems: LayerProblem[];
}

/** A problem met while reading the layers, and what it concerns. */
export interface LayerProblem {
  message: string;
  /** An option; `file` for a config file that cannot be used at all; `unknown` for a name that is no option. */
  about: OptionKey | 'file' | 'unknown';
}

const byEnv = new Map(Object.entries(options).map(([key, spec]) => [spec.env, key as OptionKey]));

/** defaults < config file < environment; an empty value counts as unset. */
export function readLayers(env: NodeJS.ProcessEnv, file: string | undefined): Layers {
  const layers: Layers = { values: new Map(), problems: [] };
  for (const [key, spec] of Object.entries(options)) {
    layers.values.set(key as OptionKey, { value: spec.default, source: 'default' });
  }
  if (file !== undefined) readFileLayer(resolve(file), layers);
  readEnvLayer(env, layers);
  return layers;
}

function readEnvLayer(env: NodeJS.ProcessEnv, layers: Layers): void {
  const entries: Array<[string, unknown]> = [];
  for (const spec of Object.values(options)) {
    entries.push([spec.env, env[spec.env]]);
    if (spec.secret) entries.push([`${spec.env}_FILE`, env[`${spec.env}_FILE`]]);
  }
  applyEntries(entries, 'environment', layers);
}

function readFileLayer(path: string, layers: Layers): void {
  const source = `config file ${path}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    layers.problems.push({ about: 'file', message: `${source}: cannot be read as JSON: ${errorMessage(err)}` });
    return;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    layers.problems.push({
      about: 'file',
      message: `${source}: expected a JSON object keyed by option names such as "PORT"`,
    });
    return;
  }
  applyEntries(Object.entries(parsed), source, layers);
}

function applyEntries(entries: Array<[string, unknown]>, source: string, layers: Layers): void {
  const direct = new Map<OptionKey, string>();
  const fromFile = new Map<OptionKey, string>();
  for (const [name, raw] of entries) {
    const target = targetOf(name);
    if (!target) {
      layers.problems.push({
        about: 'unknown',
        message: `${name} (${source}): unknown option; \`podbrief config docs\` lists them all`,
      });
      continue;
    }
    if (raw === undefined || raw === null || raw === '') continue;
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      layers.problems.push({ about: target.key, message: `${name} (${source}): expected a string, number or boolean` });
      continue;
    }
    (target.viaFile ? fromFile : direct).set(target.key, String(raw));
  }
  for (const [key, value] of direct) {
    if (fromFile.has(key)) {
      const name = options[key].env;
      layers.problems.push({
        about: key,
        message: `${name} (${source}): set either ${name} or ${name}_FILE, not both`,
      });
    } else {
      layers.values.set(key, { value, source });
    }
  }
  for (const [key, path] of fromFile) {
    if (direct.has(key)) continue;
    const name = `${options[key].env}_FILE`;
    try {
      // Secret files usually end with a newline that is not part of the secret.
      const value = readFileSync(resolve(path), 'utf8').replace(/[\r\n]+$/, '');
      layers.values.set(key, { value, source: `${source}, via ${name}` });
    } catch (err) {
      layers.problems.push({
        about: key,
        message: `${name}=${JSON.stringify(path)} (${source}): cannot read the file: ${errorMessage(err)}`,
      });
    }
  }
}

function targetOf(name: string): { key: OptionKey; viaFile: boolean } | undefined {
  const key = byEnv.get(name);
  if (key) return { key, viaFile: false };
  const base = name.endsWith('_FILE') ? byEnv.get(name.slice(0, -'_FILE'.length)) : undefined;
  if (base && options[base].secret === true) return { key: base, viaFile: true };
  return undefined;
}
