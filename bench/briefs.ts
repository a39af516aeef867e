/**
 * Composes briefs for many subscribers over a day's fresh insights with the production ranker
 * (inverted index + quality-ordered fallback), and compares it with a brute-force scorer
 * (every insight scored and sorted for every subscriber) on a sample of the same subscribers.
 *   npm run bench:briefs [-- --users 100000 --insights 10000 --sample 1000]
 */
import { benchCorpus, rng } from './briefs-corpus.js';
import { buildBriefPool } from '../src/briefs/brief-pool.js';
import { toBriefItems } from '../src/briefs/brief-items.js';
import { buildProfile, type Profile } from '../src/briefs/profile.js';
import { rankBruteForce, rankForProfile, type RankRequest } from '../src/briefs/rank-profile.js';
import { topTerms } from '../src/related/insight-index.js';
import type { FeedbackRow, FeedbackValue } from '../src/store/types.js';
import { requireCorpus } from '../test/corpus.js';

if (!requireCorpus()) process.exit(0);
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const USERS = arg('users', 100_000);
const INSIGHTS = arg('insights', 10_000);
const SAMPLE = arg('sample', 1_000);
const now = new Date('2026-11-29T06:00:00Z');
const seconds = (ms: number) => (ms / 1000).toFixed(2);

let t = performance.now();
const corpus = await benchCorpus(INSIGHTS, now);
console.log(
  `corpus: ${corpus.insights.length} insights from ${corpus.feedIds.length} shows, ${corpus.phrases.length} interest phrases (${seconds(performance.now() - t)} s, not timed below)`,
);

t = performance.now();
const pool = buildBriefPool(corpus.insights, corpus.entries, { now });
const poolMs = performance.now() - t;
console.log(
  `pool: ${pool.index.termIds.size} features, ${pool.dupMembers.size} near-duplicate groups (${seconds(poolMs)} s)`,
);

const random = rng(7);
const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;
const VALUES: FeedbackValue[] = ['up', 'down', 'more', 'less', 'click'];

interface Subscriber {
  interests: string[];
  feedback: FeedbackRow[];
  followed: number[];
  onlyFollowed: boolean;
  sent: Set<number>;
}

function subscriber(id: number): Subscriber {
  const cold = random() < 0.1;
  const interests = cold ? [] : Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(corpus.phrases));
  const feedback: FeedbackRow[] = [];
  if (!cold && random() < 0.3) {
    for (let n = 0; n < 1 + Math.floor(random() * 5); n += 1) {
      const insight = pick(corpus.insights);
      feedback.push({
        userId: id,
        insightId: insight.id,
        value: pick(VALUES),
        feedId: insight.feedId,
        headline: insight.headline,
        terms: topTerms(corpus.entries.get(insight.id)?.terms ?? {}),
        createdAt: new Date(now.getTime() - random() * 30 * 86_400_000).toISOString(),
      });
    }
  }
  const followed = !cold && random() < 0.05 ? [pick(corpus.feedIds), pick(corpus.feedIds)] : [];
  const sent = new Set(Array.from({ length: Math.floor(random() * 6) }, () => pick(corpus.insights).id));
  return { interests, feedback, followed, onlyFollowed: followed.length > 0 && random() < 0.2, sent };
}

t = performance.now();
const subscribers = Array.from({ length: USERS }, (_, i) => subscriber(i + 1));
console.log(`subscribers: ${USERS} generated (${seconds(performance.now() - t)} s, not timed)`);

const since = new Date(now.getTime() - 3 * 86_400_000);
const profileOf = (s: Subscriber): Profile =>
  buildProfile(
    { interests: s.interests, followedFeedIds: s.followed, onlyFollowed: s.onlyFollowed, feedback: s.feedback },
    { now },
  );
const request = (s: Subscriber): RankRequest => ({ size: 5, since, sent: s.sent });

// The production path: profile → rank → brief items (why line, related with labels, also-on).
t = performance.now();
let items = 0;
let rankMs = 0;
const fastPicks: number[][] = [];
for (let i = 0; i < USERS; i += 1) {
  const s = subscribers[i] as Subscriber;
  const profile = profileOf(s);
  const r0 = performance.now();
  const picks = rankForProfile(pool, profile, request(s));
  rankMs += performance.now() - r0;
  if (i < SAMPLE) fastPicks.push(picks.map((p) => p.index));
  items += toBriefItems(pool, profile, picks, 3).length;
}
const wallMs = performance.now() - t + poolMs;

// Brute force on a sample of the same subscribers: score all, sort all, same diverse pick.
t = performance.now();
let same = 0;
let bruteRankMs = 0;
let fastSampleMs = 0;
for (let i = 0; i < Math.min(SAMPLE, USERS); i += 1) {
  const s = subscribers[i] as Subscriber;
  const profile = profileOf(s);
  const b0 = performance.now();
  const brute = rankBruteForce(pool, profile, request(s)).map((p) => p.index);
  bruteRankMs += performance.now() - b0;
  const f0 = performance.now();
  rankForProfile(pool, profile, request(s));
  fastSampleMs += performance.now() - f0;
  if (JSON.stringify(brute) === JSON.stringify(fastPicks[i])) same += 1;
}
const sample = Math.min(SAMPLE, USERS);
const mb = (kb: number) => (kb / 1024).toFixed(0);
console.log(`\ncomposed ${USERS} briefs (${items} items) over ${corpus.insights.length} insights`);
console.log(
  `wall time ${seconds(wallMs)} s (pool ${seconds(poolMs)} s, ranking ${seconds(rankMs)} s, the rest profiles + why + related)`,
);
console.log(`peak RSS ${mb(process.resourceUsage().maxRSS)} MB`);
const bruteEach = bruteRankMs / sample;
console.log(`ranking per subscriber: brute force ${bruteEach.toFixed(3)} ms (on ${sample} of them)`);
console.log(
  `  vs production ${(rankMs / USERS).toFixed(3)} ms over all ${USERS}: ${(bruteEach / (rankMs / USERS)).toFixed(1)}x faster`,
);
console.log(
  `  vs production ${(fastSampleMs / sample).toFixed(3)} ms on the same ${sample}, each run right after its brute-force twin: ${(bruteRankMs / fastSampleMs).toFixed(1)}x faster`,
);
console.log(`brute force for all ${USERS} would rank in ~${seconds((bruteRankMs / sample) * USERS)} s`);
console.log(`identical top-5 to brute force: ${same}/${sample}`);
