import { describe, expect, it } from 'vitest';
import type { Segment, Transcript } from '../model/transcript.js';
import { extractInsights, isQuoteGrounded } from './index.js';

const CLAIM_A =
  'The biggest mistake teams make with database migrations is running them inside the deploy, because one failed migration then blocks every release behind it.';
const CLAIM_B =
  'You should always split a schema change into two migrations: first add the new column and backfill it, then drop the old column a week later, so a rollback never loses data.';

const LINES: Array<[string, string]> = [
  [
    'Host',
    'Welcome back to the show, everybody. Today my guest is Dana, who runs the platform team at a payments company.',
  ],
  ['Dana', 'Thanks so much for having me. Great to be here.'],
  ['Host', 'How was the trip? I heard the weather was terrible.'],
  ['Dana', 'Oh, it was fine, it rained a bit, the coffee was good, you know how it is.'],
  [
    'Host',
    'This episode is brought to you by Acme Cloud. Acme Cloud gives you database backups that restore in seconds.',
  ],
  ['Host', 'Thousands of teams trust Acme Cloud. Use promo code MIGRATE for 20% off at acmecloud.com.'],
  ['Host', 'So, database migrations. Why do they go wrong so often?'],
  ['Dana', `Yeah, um, migrations are interesting. ${CLAIM_A}`],
  ['Host', 'Right, right. And what do you do instead?'],
  ['Dana', `We run them separately now. ${CLAIM_B}`],
  ['Host', 'That makes sense. Do you test migrations too?'],
  ['Dana', 'Sometimes, yeah, it depends on the team and the day, honestly.'],
  ['Host', 'Where can folks find you online?'],
  ['Dana', 'I am on most places, just search my name. Thanks again, this was fun.'],
  ['Host', 'Thanks for listening, and see you next week. Please rate and review the show.'],
];

function transcript(): Transcript {
  const segments: Segment[] = LINES.map(([speaker, text], i) => ({ start: i * 20, end: i * 20 + 18, speaker, text }));
  return { segments, source: 'published:text', hash: 'synthetic' };
}

describe('extractInsights on a hand-written episode', () => {
  it('puts the two strong claims first and skips the ad read and small talk', () => {
    const t = transcript();
    const insights = extractInsights(t, { top: 3 });
    const top2 = insights.slice(0, 2).map((i) => i.quote);
    expect(top2.some((q) => q.includes(CLAIM_A.slice(0, 60)))).toBe(true);
    expect(top2.some((q) => q.includes(CLAIM_B.slice(0, 60)))).toBe(true);
    for (const i of insights) {
      expect(isQuoteGrounded(i.quote, t)).toBe(true);
      expect(i.quote).not.toMatch(/Acme|promo code|weather|coffee|rate and review/);
    }
  });

  it('attributes and times the claim from its segment, and cleans the text', () => {
    const [claim] = extractInsights(transcript(), { top: 5 }).filter((i) => i.quote.includes('biggest mistake'));
    expect(claim?.speaker).toBe('Dana');
    expect(claim?.start).toBe(140);
    expect(claim?.end).toBe(158);
    expect(claim?.text.startsWith('The biggest mistake') || claim?.text.startsWith('Migrations are interesting')).toBe(
      true,
    );
    expect(claim?.text).not.toMatch(/\bum\b/i);
  });

  it('returns nothing for an empty transcript', () => {
    expect(extractInsights({ segments: [], source: 'published:text', hash: 'empty' })).toEqual([]);
  });
});
