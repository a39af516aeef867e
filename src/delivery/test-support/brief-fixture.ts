import type { Brief, BriefItem } from '../../model/brief.js';

export const FIXTURE_SECRET = 'test-secret-7c1f0d2e';
export const FIXTURE_PUBLIC_URL = 'https://podbrief.example/';
export const FIXTURE_FROM = 'Podbrief <brief@podbrief.example>';

/** Five realistic items; item 3 carries hostile text and a javascript: link to prove escaping. */
export function fixtureBrief(overrides: Partial<Brief> = {}): Brief {
  const items: BriefItem[] = [
    {
      insightId: 101,
      headline: 'Small open models now beat last year’s giants on coding',
      text: 'A 7B model fine-tuned on curated repositories matched a 70B model from last year on the team’s internal coding benchmark, at a tenth of the serving cost.',
      quote: 'We were honestly shocked that the seven billion model held its own against the seventy.',
      start: 754.4,
      end: 768,
      speaker: 'Dana Li',
      podcastTitle: 'Latent Space',
      episodeTitle: 'Ep. 212: The small model summer',
      timestampUrl: 'https://cdn.example.com/ls/212.mp3#t=754',
      reason: 'matches your interest "open-source models"',
      related: [
        {
          insightId: 201,
          headline: 'Distillation is the hidden engine of small models',
          text: 'Most of the quality gains come from distilling a frontier model, not from new architectures.',
          podcastTitle: 'Practical AI',
          episodeTitle: 'Distill everything',
          timestampUrl: 'https://practicalai.example/ep/88#t=1312',
        },
      ],
    },
    {
      insightId: 102,
      headline: 'Why central banks still fear wage spirals',
      text: 'The guest argues that the memory of the 1970s, not current data, drives the caution of rate setters.',
      quote: 'Every central banker of my generation was trained on the seventies.',
      start: 3725,
      end: 3740,
      podcastTitle: 'Odd Lots',
      episodeTitle: 'What the Fed remembers',
      timestampUrl: 'https://oddlots.example/episodes/fed#t=3725',
      related: [
        {
          insightId: 202,
          headline: 'Wage growth has already cooled',
          text: 'Quarterly wage growth is back within the range seen before 2020.',
          podcastTitle: 'The Indicator',
          episodeTitle: 'Paychecks',
        },
        {
          insightId: 203,
          headline: 'Expectations matter more than prints',
          text: 'Surveys of expected inflation moved markets more than the CPI releases themselves.',
          podcastTitle: 'Macro Musings',
          episodeTitle: 'Anchors away',
          timestampUrl: 'https://macro.example/anchors#t=60',
        },
      ],
    },
    {
      insightId: 103,
      headline: 'Attackers hide <script>alert("x")</script> in "show notes"',
      text: 'Feeds can carry <img src=x onerror=alert(1)> and "quoted" text & ampersands; the renderer must treat all of it as text.',
      quote: 'If you render it, they will "pwn" it <b>every</b> time.',
      start: 95,
      end: 101,
      speaker: 'Eve <evil@example.com>',
      podcastTitle: 'Security Now & Then',
      episodeTitle: 'Episode 9: "Sanitize" this',
      timestampUrl: 'javascript:alert(document.cookie)',
      reason: 'matches your interest "appsec"',
      related: [
        {
          insightId: 204,
          headline: 'Click me',
          text: 'A related item whose link is hostile.',
          podcastTitle: 'Phish FM',
          episodeTitle: 'Bait',
          timestampUrl: 'JaVaScRiPt:alert(2)',
        },
      ],
    },
    {
      insightId: 104,
      headline: 'Sleep debt is not repaid on weekends',
      text: 'Two nights of recovery sleep restored alertness but not the metabolic markers measured in the study.',
      quote: 'Your brain feels fine on Monday; your insulin response does not.',
      start: 1800,
      end: 1812,
      speaker: 'Dr. Matt Walker',
      podcastTitle: 'Huberman Lab',
      episodeTitle: 'Sleep, part two',
      timestampUrl: 'https://hubermanlab.example/sleep-2#t=1800',
      related: [],
    },
    {
      insightId: 105,
      headline: 'Cities that build more housing see rents fall',
      text: 'Auckland’s 2016 upzoning was followed by a measurable fall in real rents compared with similar cities.',
      quote: 'Supply is boring, and supply works.',
      start: 42,
      end: 47,
      podcastTitle: 'Freakonomics Radio',
      episodeTitle: 'The housing fix nobody likes',
      related: [
        {
          insightId: 205,
          headline: 'Zoning reform needs state backing',
          text: 'Local reforms stall without state preemption.',
          podcastTitle: 'Slate Money',
          episodeTitle: 'YIMBY',
          timestampUrl: 'https://slate.example/yimby#t=900',
        },
      ],
    },
  ];
  return { id: 42, userId: 7, date: '2026-11-29', items, createdAt: '2026-11-29T05:00:00.000Z', ...overrides };
}

export const FIXTURE_USER = { id: 7, email: 'reader@mail.example.org' } as const;
