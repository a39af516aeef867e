import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../test/corpus.js';
import { AppError } from '../model/errors.js';
import type { ParsedFeed } from '../model/feed.js';
import { parseFeed, parseFeedAsync } from './parse/parse-feed.js';

const haveCorpus = requireCorpus();
const DOCUMENTS = Number(process.env.FEED_FUZZ_DOCUMENTS ?? 10_000);
/** Seeds are windows of the corpus feeds, so 10,000 documents stay quick; the tail is kept too. */
const WINDOW = 6 * 1024;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seeds(): Buffer[] {
  const out: Buffer[] = [];
  for (const dir of ['real', 'synthetic']) {
    for (const f of readdirSync(corpusPath('feeds', dir))) {
      const bytes = readFileSync(corpusPath('feeds', dir, f));
      out.push(bytes.subarray(0, WINDOW));
      if (bytes.length > WINDOW) out.push(Buffer.concat([bytes.subarray(0, 2048), bytes.subarray(-WINDOW)]));
    }
  }
  return out;
}

const JUNK = [
  '<',
  '>',
  '&',
  '&amp',
  '&#x',
  ']]>',
  '<![CDATA[',
  '<!--',
  '-->',
  '"',
  "'",
  '</item>',
  '<item>',
  '/>',
  '\u0000',
];

type Mutation = (doc: Buffer, r: () => number) => Buffer;
const at = (doc: Buffer, r: () => number) => Math.floor(r() * (doc.length + 1));
const insert = (doc: Buffer, pos: number, what: Buffer | string) =>
  Buffer.concat([doc.subarray(0, pos), Buffer.from(what), doc.subarray(pos)]);

const MUTATIONS: Record<string, Mutation> = {
  flipBytes(doc, r) {
    const out = Buffer.from(doc);
    const flips = 1 + Math.floor(r() * 20);
    for (let i = 0; i < flips && out.length > 0; i++) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
    return out;
  },
  truncate: (doc, r) => doc.subarray(0, at(doc, r)),
  duplicateSlice(doc, r) {
    const a = at(doc, r);
    const b = Math.min(doc.length, a + Math.floor(r() * 4096));
    return insert(doc, at(doc, r), doc.subarray(a, b));
  },
  duplicateTag(doc, r) {
    const text = doc.toString('latin1');
    const open = text.indexOf('<', at(doc, r));
    const close = open < 0 ? -1 : text.indexOf('>', text.indexOf('</', open));
    if (close < 0) return doc;
    const piece = doc.subarray(open, close + 1);
    return insert(doc, open, Buffer.concat(Array.from({ length: 1 + Math.floor(r() * 10) }, () => piece)));
  },
  deleteSlice(doc, r) {
    const a = at(doc, r);
    return Buffer.concat([doc.subarray(0, a), doc.subarray(Math.min(doc.length, a + Math.floor(r() * 2048)))]);
  },
  deepNesting(doc, r) {
    const depth = 1 + Math.floor(r() * 5_000);
    const closed = r() < 0.5;
    return insert(doc, at(doc, r), '<x>'.repeat(depth) + (closed ? '</x>'.repeat(depth) : ''));
  },
  entityBomb(doc, r) {
    const decls = ['<!ENTITY a "aaaaaaaaaa">'];
    for (let i = 1; i <= 9; i++) decls.push(`<!ENTITY a${i} "${`&a${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const body = r() < 0.5 ? '&a9;'.repeat(100) : '&#65;&#x41;'.repeat(1 + Math.floor(r() * 10_000));
    const withRefs = insert(doc, at(doc, r), body);
    return Buffer.concat([Buffer.from(`<?xml version="1.0"?><!DOCTYPE rss [${decls.join('')}]>`), withRefs]);
  },
  junk(doc, r) {
    let out = doc;
    for (let i = 0; i < 1 + Math.floor(r() * 10); i++)
      out = insert(out, at(out, r), JUNK[Math.floor(r() * JUNK.length)] ?? '<');
    return out;
  },
};
const NAMES = Object.keys(MUTATIONS);

function outcome(doc: Buffer): ParsedFeed | AppError {
  try {
    return parseFeed(doc);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`uncaught ${(err as Error).name}: ${(err as Error).message}`, { cause: err });
  }
}

describe.skipIf(!haveCorpus)('parseFeed fuzz', () => {
  it(`${DOCUMENTS} mutated corpus feeds: no uncaught exception, none over 2 s; parseFeedAsync agrees`, async () => {
    const base = seeds();
    const r = rng(13);
    let slowest = { ms: 0, mutation: '' };
    let heapGrowth = { bytes: 0, mutation: '' };
    let parsed = 0;
    let refused = 0;
    let bytes = 0;
    const started = performance.now();
    for (let i = 0; i < DOCUMENTS; i++) {
      const seed = base[i % base.length] as Buffer;
      const name = NAMES[Math.floor(r() * NAMES.length)] as string;
      let doc = (MUTATIONS[name] as Mutation)(seed, r);
      if (r() < 0.2) doc = (MUTATIONS[NAMES[Math.floor(r() * NAMES.length)] as string] as Mutation)(doc, r);
      bytes += doc.length;
      const heapBefore = process.memoryUsage().heapUsed;
      const t = performance.now();
      let result: ParsedFeed | AppError;
      try {
        result = outcome(doc);
      } catch (err) {
        throw new Error(`document ${i} (${name}): ${(err as Error).message}`, { cause: err });
      }
      const ms = performance.now() - t;
      const grown = process.memoryUsage().heapUsed - heapBefore;
      if (ms > slowest.ms) slowest = { ms, mutation: name };
      if (grown > heapGrowth.bytes) heapGrowth = { bytes: grown, mutation: name };
      expect(ms, `document ${i} (${name})`).toBeLessThan(2000);
      if (result instanceof AppError) {
        refused++;
        expect(result.code).toMatch(/^(not_a_feed|invalid_feed)$/);
      } else {
        parsed++;
        const keys = result.episodes.map((e) => e.guid);
        expect(new Set(keys).size).toBe(keys.length);
      }
      if (i % 100 === 0) {
        let again: ParsedFeed | AppError;
        try {
          again = await parseFeedAsync(doc);
        } catch (err) {
          again = err as AppError;
        }
        expect(again instanceof AppError ? again.code : again).toEqual(
          result instanceof AppError ? result.code : result,
        );
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `fuzz: ${DOCUMENTS} documents (${(bytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s: ${parsed} parsed, ${refused} refused with a coded error; slowest ${slowest.ms.toFixed(0)} ms (${slowest.mutation}); largest heap growth ${(heapGrowth.bytes / 1e6).toFixed(1)} MB (${heapGrowth.mutation})`,
    );
  }, 120_000);
});
