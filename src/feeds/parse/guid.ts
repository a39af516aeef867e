import { createHash } from 'node:crypto';
import type { EpisodeDraft } from './registry.js';

const MAX_KEY_LENGTH = 512;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function bounded(key: string): string {
  return key.length <= MAX_KEY_LENGTH ? key : `sha256:${sha256(key)}`;
}

/** guid as stated, else enclosure URL, else link, else a hash of title and date as written. */
function baseKey(ep: EpisodeDraft): string {
  const stated = ep.rawGuid?.trim();
  if (stated) return stated;
  if (ep.audioUrl) return ep.audioUrl;
  if (ep.link) return ep.link;
  return `sha256:${sha256(`${ep.title ?? ''}\n${ep.rawDate ?? ''}`)}`;
}

/** Item indexes grouped by their current key, each group in document order. */
function groupByKey(indexes: number[], keys: string[]): number[][] {
  const groups = new Map<string, number[]>();
  for (const i of indexes) {
    const k = keys[i] as string;
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  }
  return [...groups.values()];
}

/**
 * Stable, unique keys for one feed's items. Items sharing a key are told apart by enclosure URL,
 * then by their position among the remaining look-alikes (document order), so every item is kept
 * and a re-parse of the same document yields the same keys.
 */
export function assignGuids(items: EpisodeDraft[]): string[] {
  const keys = items.map(baseKey);
  // Most feeds' keys are all distinct already: then there is nothing to group.
  const distinct = new Set(keys).size === keys.length;
  for (const indexes of distinct
    ? []
    : groupByKey(
        keys.map((_, i) => i),
        keys,
      )) {
    if (indexes.length < 2) continue;
    const base = keys[indexes[0] as number] as string;
    const enclosures = new Set(indexes.map((i) => items[i]?.audioUrl ?? ''));
    if (enclosures.size > 1) {
      for (const i of indexes) {
        const enclosure = items[i]?.audioUrl;
        if (enclosure && enclosure !== base) keys[i] = `${base}#${enclosure}`;
      }
    }
    for (const same of groupByKey(indexes, keys)) {
      if (same.length < 2) continue;
      same.forEach((i, n) => {
        if (n > 0) keys[i] = `${keys[i]}#${n + 1}`;
      });
    }
  }
  // A suffixed key could in theory equal another item's own guid; keep the result unique regardless.
  const seen = new Set<string>();
  return keys.map((key) => {
    let unique = bounded(key);
    while (seen.has(unique)) unique = bounded(`${unique}#`);
    seen.add(unique);
    return unique;
  });
}
