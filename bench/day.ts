/**
 * A day of Podbrief on real feeds: serves a mix of the shared corpus's real feeds on 127.0.0.1
 * (most without a published transcript, as in the wild) and three feeds of our own whose episodes
 * link the real eval-public transcripts, polls them with the real pipeline into a temp SQLite
 * store, composes briefs for a few profiles, and prints per brief the figures issue 12 asks for,
 * then the briefs as text. A second day (one more poll and processing run) shows the backlog.
 *
 *   npm run bench:day [-- --quiet] [--dump-insights <file.json>] [--dump-briefs <file.json>]   (ASR_ENGINE stays "none", the default)
 * --dump-insights writes the first day's insights (show, episode, headline, text) for building the
 * labelled related pairs of `npm run eval:related-pairs` (bench/labelled/); --dump-briefs writes both
 * days' briefs as insight ids, each item's with its related ones (bench/related-ceiling.ts reads both).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { composeBrief } from '../src/briefs/index.js';
import { loadConfig } from '../src/config/index.js';
import { renderBriefEmail } from '../src/delivery/index.js';
import { pollFeeds, processEpisodes } from '../src/jobs/index.js';
import type { Brief } from '../src/model/brief.js';
import { indexEntryFor } from '../src/related/index.js';
import { sharedEvidence } from '../src/related/evidence.js';
import { phrasePattern } from '../src/text/index.js';
import type { InsightWithContext } from '../src/store/types.js';
import { corpusPath } from '../test/corpus.js';
import type { DumpedBrief, DumpedInsight } from './related-pairs.js';
import { startLocalHttp, withEtag } from '../test/helpers/local-http.js';

const quiet = process.argv.includes('--quiet');
const dumpAt = process.argv.indexOf('--dump-insights');
const dumpFile = dumpAt >= 0 ? process.argv[dumpAt + 1] : undefined;
const briefsAt = process.argv.indexOf('--dump-briefs');
const briefsFile = briefsAt >= 0 ? process.argv[briefsAt + 1] : undefined;
const dumpedBriefs: DumpedBrief[] = [];
const DAY = 86_400_000;
const start = new Date();

/** Real feeds served as they are, their dates moved so each one's newest episode is a day old. */
const REAL_FEEDS = [
  'fivethirtyeight-politics-archive.rss',
  'gnomepodcasts__linux-unplugged-2020-12-19.xml',
  'gnomepodcasts__reply-all-2020-12-29-reruns.xml',
  'gnomepodcasts__deprogram-2026-02-13.xml',
  'gnomepodcasts__intercepted-2018-01-20.xml',
  'partytime__1865.xml',
  'partytime__sentimental-garbage.xml',
  'partytime__podcasting20-pc20rss.xml',
  'partytime__launched.xml',
  'rssparser__giantbomb-podcast.rss',
  'gnomepodcasts__street-fight-radio-2024-03-15.xml',
];

/**
 * Boilerplate a reader should never see as an insight: the bench's own list, not the engine's.
 * Each is a phrase of show-notes furniture found in the corpus feeds.
 */
const BOILERPLATE = phrasePattern(
  [
    'ad choices',
    'adchoices',
    'privacy information',
    'privacy policy',
    /promo code/,
    /use code/,
    /subscribe (?:to|on)/,
    /rate (?:and|&) review/,
    /leave (?:us )?a review/,
    'follow us',
    'p.o box',
    'po box',
    'hosted on',
    'hosted by acast',
    'acast.com',
    'megaphone.fm',
    'omnystudio',
    'anchor.fm',
    'patreon.com',
    'support the show',
    'sponsored by',
    'brought to you by',
    /this episode is (?:sponsored|brought)/,
    'learn more about',
    /https?:\/\//,
    /www\./,
  ],
  { flags: 'i' },
);

/** Talk a headline should not open on: the bench's own list, not the engine's. */
const TALK = /^(as far as|i think|i mean|i guess|you know|so|well|and|but|um|uh|like|yeah|okay|oh|right)\b/i;
const wordsIn = (t: string): string[] => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function shiftDates(xml: string, newest: number): string {
  const dates = [...xml.matchAll(/<pubDate>(?:<!\[CDATA\[)?\s*([^<\]]+?)\s*(?:\]\]>)?<\/pubDate>/g)]
    .map((m) => Date.parse(m[1] ?? ''))
    .filter(Number.isFinite);
  if (dates.length === 0) return xml;
  const shift = newest - Math.max(...dates);
  return xml.replace(/<pubDate>(?:<!\[CDATA\[)?\s*([^<\]]+?)\s*(?:\]\]>)?<\/pubDate>/g, (all, d: string) => {
    const t = Date.parse(d);
    return Number.isFinite(t) ? `<pubDate>${new Date(t + shift).toUTCString()}</pubDate>` : all;
  });
}

const SHOWS: Record<string, string> = {
  lennys: "Lenny's Podcast",
  podlets: 'The Podlets',
  misfit: 'Misfit Podcast',
};

/** One feed per eval-public show, each episode linking its real transcript on this host. */
function transcriptFeeds(origin: string): Record<string, string> {
  const byShow = new Map<string, string[]>();
  for (const d of readdirSync(corpusPath('eval-public'), { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    const show = d.name.split('-')[0] ?? d.name;
    byShow.set(show, [...(byShow.get(show) ?? []), d.name]);
  }
  const out: Record<string, string> = {};
  for (const [show, dirs] of byShow) {
    const items = dirs
      .sort()
      .reverse()
      .map((dir, i) => {
        const title = dir.split('-').slice(2).join(' ');
        return `<item><title>${title}</title><guid isPermaLink="false">${dir}</guid>
<pubDate>${new Date(start.getTime() - (i + 1) * DAY).toUTCString()}</pubDate>
<link>${origin}/episodes/${dir}</link><enclosure url="${origin}/audio/${dir}.mp3" type="audio/mpeg" length="1000"/>
<description>A conversation about ${title}.</description>
<podcast:transcript url="${origin}/transcripts/${dir}.md" type="text/markdown"/></item>`;
      })
      .join('\n');
    out[show] = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
<title>${SHOWS[show] ?? show}</title><link>${origin}/${show}</link><description>${SHOWS[show] ?? show}</description>
${items}</channel></rss>`;
  }
  return out;
}

const http = await startLocalHttp((origin) => {
  const routes: Record<string, ReturnType<typeof withEtag>> = {};
  for (const f of REAL_FEEDS)
    routes[`/real/${f}`] = withEtag(
      shiftDates(readFileSync(corpusPath('feeds', 'real', f), 'utf8'), start.getTime() - DAY),
      'application/rss+xml',
    );
  for (const [show, xml] of Object.entries(transcriptFeeds(origin)))
    routes[`/shows/${show}.xml`] = withEtag(xml, 'application/rss+xml');
  for (const d of readdirSync(corpusPath('eval-public'), { withFileTypes: true }))
    if (d.isDirectory())
      routes[`/transcripts/${d.name}.md`] = withEtag(
        readFileSync(corpusPath('eval-public', d.name, 'transcript.md')),
        'text/markdown',
      );
  return routes;
});

const dataDir = mkdtempSync(join(tmpdir(), 'podbrief-day-'));
const app = await createApp(
  loadConfig({
    env: {
      DATA_DIR: dataDir,
      ALLOW_PRIVATE_NETWORKS: 'true',
      LOG_LEVEL: 'error',
      PUBLIC_URL: 'https://brief.example',
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(FIRST_POLL_|MAX_ITEMS_|ASR_)/.test(k))),
    },
  }),
);

const profiles: Array<{ name: string; interests: string[] }> = [
  { name: 'cold start', interests: [] },
  { name: 'politics', interests: ['politics', 'elections'] },
  { name: 'kubernetes', interests: ['kubernetes', 'cloud native'] },
  { name: 'white house', interests: ['Donald Trump', 'presidency'] },
];

try {
  for (const f of REAL_FEEDS) await app.store.addFeed(`${http.origin}/real/${f}`);
  for (const show of Object.keys(SHOWS)) await app.store.addFeed(`${http.origin}/shows/${show}.xml`);
  const users = [];
  for (const p of profiles)
    users.push(
      (await app.store.addUser({ email: `${p.name.replace(/\W/g, '')}@example.com`, interests: p.interests })).user,
    );

  for (const day of [0, 1]) {
    const now = new Date(start.getTime() + day * DAY);
    const t0 = performance.now();
    const polled = await pollFeeds(app, { all: true, now });
    const processed = await processEpisodes(app, { now });
    const sources = new Map<string, number>();
    for (const r of processed) {
      const key = r.status === 'extracted' ? r.source.split(':')[0]! : r.status;
      sources.set(key, (sources.get(key) ?? 0) + 1);
    }
    const episodes = (
      await Promise.all((await app.store.listFeeds()).map((f) => app.store.episodesByFeed(f.id)))
    ).flat();
    const insights = await app.store.insightsSince(new Date(0));
    console.log(
      `\n=== day ${day + 1}: ${polled.filter((r) => r.status === 'updated').length}/${polled.length} feeds updated, ` +
        `${episodes.length} episodes stored, ${processed.length} processed (${[...sources].map(([k, v]) => `${k} ${v}`).join(', ')}), ` +
        `${insights.length} insights stored, ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    if (day === 0 && dumpFile) writeFileSync(dumpFile, `${JSON.stringify(insights.map(dumped), null, 1)}\n`);
    const processedFeeds = new Set(episodes.filter((e) => e.status === 'extracted').map((e) => e.feedId));
    console.log(`shows with insights: ${processedFeeds.size}/${(await app.store.listFeeds()).length}`);

    for (const [n, user] of users.entries()) {
      const date = now.toISOString().slice(0, 10);
      const outcome = await composeBrief({ store: app.store }, user, date, {
        size: app.config.briefSize,
        relatedPerInsight: app.config.relatedPerInsight,
        now,
      });
      const name = profiles[n]!.name;
      if (outcome.status === 'empty') {
        const sent = await app.store.sentInsightIds(user.id);
        console.log(`\n--- ${name}: no brief ("nothing new"); ${insights.length - sent.size} insights never sent`);
        continue;
      }
      await report(name, outcome.brief, day === 0 || !quiet);
      dumpedBriefs.push({
        profile: name,
        date: outcome.brief.date,
        items: outcome.brief.items.map((i) => ({ insightId: i.insightId, related: i.related.map((r) => r.insightId) })),
      });
    }
  }
  if (briefsFile) writeFileSync(briefsFile, `${JSON.stringify(dumpedBriefs, null, 1)}\n`);
} finally {
  await app.close();
  await http.close();
  rmSync(dataDir, { recursive: true, force: true });
}

/** As a reader finds it: the headline's first four words start the text (give or take three words). */
function headlineReadsTwice(headline: string, text: string): boolean {
  const h = wordsIn(headline).slice(0, 4).join(' ');
  const t = wordsIn(text);
  return h.split(' ').length >= 3 && [0, 1, 2, 3].some((k) => t.slice(k, k + 4).join(' ') === h);
}

async function report(name: string, brief: Brief, print: boolean): Promise<void> {
  const shows = new Set(brief.items.map((i) => i.podcastTitle));
  const related = brief.items.flatMap((i) => i.related.map((r) => ({ item: i, r })));
  const relatedShows = new Set(related.map(({ r }) => r.podcastTitle));
  let fromNotes = 0;
  for (const item of brief.items) {
    const insight = await app.store.insightById(item.insightId);
    const t = insight && (await app.store.transcriptByEpisode(insight.episodeId));
    if (t?.source === 'shownotes') fromNotes += 1;
  }
  const ownShow = related.filter(({ item, r }) => r.podcastTitle === item.podcastTitle).length;
  const boiler: string[] = [];
  const texts = [
    ...brief.items.flatMap((i) => [i.headline, i.text, i.quote]),
    ...related.flatMap(({ r }) => [r.headline, r.text]),
  ];
  for (const t of texts) {
    const m = BOILERPLATE.exec(t);
    if (m) boiler.push(m[0].toLowerCase());
  }
  const evidence: number[] = [];
  for (const { item, r } of related) {
    const a = await app.store.insightById(item.insightId);
    const b = await app.store.insightById(r.insightId);
    if (!a || !b) continue;
    const terms = (x: typeof a) => new Map(Object.entries(indexEntryFor(x).terms));
    evidence.push(sharedEvidence(terms(a), terms(b)));
  }
  evidence.sort((x, y) => x - y);
  const median = evidence.length ? evidence[Math.floor((evidence.length - 1) / 2)] : undefined;
  const user = await app.store.userById(brief.userId);
  const email = renderBriefEmail({
    brief,
    user: { id: brief.userId, email: user?.email ?? 'x@example.com' },
    publicUrl: 'https://brief.example',
    secret: 'bench-secret-bench-secret-bench-secret',
    from: 'Podbrief <brief@example.com>',
  });
  // As the reader sees it: an item whose quote block says its text again.
  const sections = email.text.split(/\n-{76}\n/);
  const headlines = [
    ...brief.items.map((i) => ({ headline: i.headline, text: i.text })),
    ...related.map(({ r }) => ({ headline: r.headline, text: r.text })),
  ];
  const readTwice = headlines.filter((h) => headlineReadsTwice(h.headline, h.text)).length;
  const talk = headlines.filter((h) => TALK.test(h.headline)).length;
  const neutral = brief.items.filter((i) => i.headline.startsWith('From “')).length;
  const quotesRepeated = brief.items.filter((item, n) => {
    const block = /\n {3}“([\s\S]*?)”\n/.exec(sections[n] ?? '')?.[1];
    return block !== undefined && same(item.text, block.replace(/\s+/g, ' '));
  }).length;
  console.log(
    `\n--- ${name} (${brief.date}): ${brief.items.length} items, ${shows.size} distinct shows; ` +
      `related ${related.length} from ${relatedShows.size} shows, ${ownShow} from the headline's own show; ` +
      `${fromNotes} items from show notes; boilerplate phrases ${boiler.length}${boiler.length ? ` (${[...new Set(boiler)].join(', ')})` : ''}; ` +
      `median shared-word evidence of related pairs ${median ?? '-'}; quote blocks repeating the text ${quotesRepeated}; ` +
      `headlines reading the text's opening again ${readTwice}, opening on talk ${talk}, neutral (from the episode title) ${neutral}`,
  );
  if (!print) return;
  console.log(
    email.text
      .split('\n')
      .filter((l) => !/^(Manage preferences|Unsubscribe|You get this)/.test(l))
      .join('\n'),
  );
}

function dumped(i: InsightWithContext): DumpedInsight {
  return {
    id: i.id,
    feedId: i.feedId,
    episodeId: i.episodeId,
    podcastTitle: i.podcastTitle,
    episodeTitle: i.episodeTitle,
    headline: i.headline,
    text: i.text,
    ...(i.fromShowNotes ? { fromShowNotes: true } : {}),
  };
}

/** Text and quote are the same words, up to disfluencies, punctuation and case. */
function same(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/\b(?:um+|uh+|er|ah|like|you know|i mean|sort of|kind of)\b/g, ' ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return norm(a) === norm(b);
}
