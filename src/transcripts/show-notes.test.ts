import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../feeds/index.js';
import { corpusPath, hasCorpus, requireCorpus } from '../../test/corpus.js';
import { showBoilerplate, transcriptFromShowNotes } from './index.js';
import { furnitureReason } from './show-notes-clean.js';

const texts = (notes: string, opts: Parameters<typeof transcriptFromShowNotes>[1] = {}) =>
  transcriptFromShowNotes(notes, opts).segments.map((s) => s.text);

/** Each of `furniture` is judged a boilerplate phrase, each of `content` is not furniture at all. */
function expectBoilerplate(furniture: string[], content: string[]): void {
  for (const sentence of furniture) expect(furnitureReason(sentence), sentence).toBe('boilerplate phrase');
  for (const sentence of content) expect(furnitureReason(sentence), sentence).toBeUndefined();
}

describe('transcriptFromShowNotes', () => {
  it('splits notes into untimed sentence segments at time 0, the title first', () => {
    const t = transcriptFromShowNotes(
      'We talk about Rust and its borrow checker today. Also about Go and its garbage collector!',
      {
        language: 'en',
        title: 'Rust vs Go:',
      },
    );
    expect(t).toMatchObject({ source: 'shownotes', language: 'en' });
    expect(t.segments.map((s) => s.text)).toEqual([
      'Rust vs Go.',
      'We talk about Rust and its borrow checker today.',
      'Also about Go and its garbage collector!',
    ]);
    expect(t.segments.every((s) => s.start === 0 && s.end === 0 && s.untimed === true)).toBe(true);
  });

  it('reduces HTML notes to visible text', () => {
    const t = transcriptFromShowNotes(
      '<p>First point about the new compiler release and its faster builds.</p><script>bad()</script><ul><li>Second &amp; last point about why the linker got slower.</li></ul>',
    );
    expect(t.segments.map((s) => s.text)).toEqual([
      'First point about the new compiler release and its faster builds.',
      'Second & last point about why the linker got slower.',
    ]);
  });

  it('takes out ad-choice lines, hosting footers, sponsor reads, calls to subscribe, addresses, credits and link lists', () => {
    const notes = [
      'Congress has kept quiet during the first month of the new term, but a shutdown looms by March 14.',
      'Learn more about your ad choices. Visit podcastchoices.com/adchoices',
      'Hosted on Acast. See acast.com/privacy for more information.',
      'See omnystudio.com/listener for privacy information.',
      'This episode is brought to you by Linode. Use promo code UNPLUGGED for 20% off your first month.',
      'Subscribe to the show wherever you get your podcasts, and rate and review us on Apple Podcasts.',
      'Street Fight Mail - P.O Box 82306 Columbus, OH 43202',
      'Produced by Jane Doe. Theme music by The Band.',
      "Emily Atkin's newsletter, Heated",
      'Links:\n- Cast your nominations for the Tuxies\n- https://example.com/a long link to a page about other things entirely',
    ].join('\n\n');
    expect(texts(notes)).toEqual([
      'Congress has kept quiet during the first month of the new term, but a shutdown looms by March 14.',
    ]);
  });

  it('judges furniture per sentence: content sharing its line with an ad-choice line stays', () => {
    expect(
      texts(
        'Congress has kept quiet during the first month of the new term, but a shutdown looms by March 14. Learn more about your ad choices. Visit podcastchoices.com/adchoices',
      ),
    ).toEqual(['Congress has kept quiet during the first month of the new term, but a shutdown looms by March 14.']);
  });

  it('drops a sponsor read with the ad copy after it on its line, keeping content before it', () => {
    const content = 'Congress has kept quiet during the first month of the new term, but a shutdown looms by March 14.';
    for (const ad of [
      'This episode is brought to you by Squarespace. Squarespace makes it easy to build a beautiful website for your business, your portfolio or your next big idea.',
      'Thanks to our sponsor Athletic Greens. AG1 is the daily foundational nutrition supplement that supports whole-body health with 75 vitamins, minerals and whole-food ingredients.',
    ]) {
      expect(texts(`${content}\n\n${ad}`), ad).toEqual([content]);
      expect(texts(`${content} ${ad}`), ad).toEqual([content]);
    }
  });

  it('judges a sponsor read a boilerplate phrase, and ends its line there even when the show repeats it', () => {
    expectBoilerplate(
      [
        'This episode is sponsored by Linode.',
        "Thank you to this week's sponsors.",
        'Thank you to this week’s sponsors.',
        'Support what we do and get a cool t-shirt out of it?',
        'Support our work by becoming a member today.',
        'Support us by subscribing to the newsletter.',
        'And don’t forget, for a limited time get 4 FREE NIGHTS with your first order!',
        'Maisie Peters album, The Good Witch, is out now!',
        'Perfect Crime and We Didn’t Start The Fire originally ran in January 2016 and May 2019, respectively.',
        'Please be advised.',
        'Listener note: the interview was recorded before the verdict.',
        'This episode contains offensive racial language.',
        'This episode contains descriptions of violence.',
        'Thank you to Cúirt Festival for recording this for us, particularly to our stage manager.',
        'We didn’t start the— LxDx (@wokestbloke) May 10, 2019.',
        'Send dad more than just a gift – send him an experience he’ll love and can share with you!',
        'Treat yourself to the bundle, your ears will thank you!',
        'Our host is taking a break, and we’re taking a hiatus until March.',
        "Use code WRANGLE for 20% off your first month, that's how you support us.",
      ],
      [
        'Our guest worked on the code of the first web browser, and she tells us how it was built.',
        'Voters who support us on the ballot measure are not the ones you would expect.',
        'The results are out now, and the race is closer than the polls said.',
        'Thanks to cheaper chips, the band could record the whole album at home.',
        'This episode contains an interview with the last living witness of the trial.',
        'Kennedy originally ran in the Democratic primary before going independent.',
        'The tariffs apply for a limited time, and economists expect them to be extended.',
        'Thanks to streaming, artists earn almost nothing for recording an album.',
        'The jobs report, which showed record growth in hiring, is out today.',
        'iOS 18, Apple’s single biggest update in years, is out now.',
        'This episode contains discussions of AI safety, chip export bans and open-source models.',
        'Unlock the secrets of the pyramids — you won’t believe what we found!',
        'Polls show 40 percent of voters support us by a wide margin, the senator says.',
        'Get ready: the court rules on Monday!',
        'Give your team a reason to stay, she argues, and they will.',
        'Grab your bucket and spade, because we’re taking a trip back to 1930s Bognor Regis!',
      ],
    );
    const content = 'Congress has kept quiet during the first month of the new term, but a shutdown looms by March 14.';
    const read = 'The Weekly Wrangle is brought to you by Linode.';
    const copy =
      'Linode gives every developer a cloud computer in seconds, with servers in eleven regions around the world.';
    const repeated = showBoilerplate(
      ['taxes', 'housing', 'transit', 'schools', 'water'].map((t) => `${t} matters. ${read}`),
    );
    expect(texts(`${content} ${read} ${copy}`, { repeated })).toEqual([content]);
  });

  it('throws transcript_invalid when nothing substantive is left', () => {
    for (const notes of [
      '  \n ',
      '<p> </p><script>x()</script>',
      'Learn more about your ad choices. Visit megaphone.fm/adchoices',
      'New episode!\n\nSupport the show on Patreon: https://www.patreon.com/show\nFollow us on Twitter: https://twitter.com/show',
    ]) {
      expect(() => transcriptFromShowNotes(notes, { title: 'Episode 12' })).toThrow(
        expect.objectContaining({ name: 'AppError', code: 'transcript_invalid' }),
      );
    }
  });

  it('drops what a show repeats across its episodes, whatever its words', () => {
    const notes = (topic: string) =>
      `This week we dig into ${topic} and what it means for the people who rely on it.\n\nThe Weekly Wrangle is made with love in a small studio by the river.`;
    const all = ['taxes', 'housing', 'transit', 'schools', 'water'].map(notes);
    const repeated = showBoilerplate(all);
    expect(repeated.size).toBe(1);
    expect(texts(all[0]!, { repeated })).toEqual([
      'This week we dig into taxes and what it means for the people who rely on it.',
    ]);
    // Three episodes with the same notes do not yet tell a show's boilerplate from its subject.
    expect(showBoilerplate(all.slice(0, 3).map(() => all[0]!)).size).toBe(0);
    // A sentence in two of five episodes is not the show's boilerplate.
    expect(showBoilerplate([...all.slice(0, 3).map((n) => n.split('\n\n')[0]!), notes('x'), notes('y')]).size).toBe(0);
  });

  it("compares sentences by their words alone, case, punctuation and links aside; and a plug's name with the show title so", () => {
    const notes = (topic: string, n: number) =>
      `This week we dig into ${topic} and what it means for the people who rely on it.\n\n` +
      `${n % 2 ? 'THE WEEKLY WRANGLE' : 'The Weekly Wrangle'} is made with love, in a small studio by the river: https://wrangle.example/ep${n}`;
    const all = ['taxes', 'housing', 'transit', 'schools', 'water'].map(notes);
    const repeated = showBoilerplate(all);
    expect(repeated.size).toBe(1);
    expect(texts(all[1]!, { repeated })).toEqual([
      'This week we dig into housing and what it means for the people who rely on it.',
    ]);
    const hardFork =
      'This week on Hard Fork, Kevin and Casey explain why the chatbots of every big company now sound alike.';
    expect(texts(`Hard Fork is a new show from The New York Times. ${hardFork}`, { showTitle: 'HARD-FORK!' })).toEqual([
      hardFork,
    ]);
  });

  it('drops lists of names or titles, credit runs and break announcements; notes left with nothing else say nothing', () => {
    expect(
      furnitureReason(
        'Ghost Recon Breakpoint, The Last of Us Part II, Code Vein, The Surge 2, Card of Darkness, Call of Duty Mobile, Untitled Goose Game, Outer Wilds...',
      ),
    ).toBe('list of names');
    expect(() =>
      transcriptFromShowNotes(
        'Giant Bombcast 603: Call of Tuesday. Video games! Ghost Recon Breakpoint, The Last of Us Part II, Code Vein, The Surge 2, Card of Darkness, Call of Duty Mobile, Untitled Goose Game, Outer Wilds...',
        { title: 'Giant Bombcast 603: Call of Tuesday' },
      ),
    ).toThrow(expect.objectContaining({ code: 'transcript_invalid' }));
    expect(() =>
      transcriptFromShowNotes('From the Promised Land - Master of The Hive - Sir Brian of London [Pal of the Pod].', {
        title: 'Episode 57: Rebel Rubes',
      }),
    ).toThrow(expect.objectContaining({ code: 'transcript_invalid' }));
    expect(() =>
      transcriptFromShowNotes('Summer Break. Launched is taking a break for the summer. See you next fall!', {
        title: 'Summer Break',
      }),
    ).toThrow(expect.objectContaining({ code: 'transcript_invalid' }));
    // A sentence that names several things but says something about them is content.
    expect(
      furnitureReason(
        'We compare Python, Rust, Go and Java on startup time, and explain why the garbage collector decides the winner.',
      ),
    ).toBeUndefined();
  });

  it('drops plugs for a book or another show (Sentimental Garbage, 1865 in ../shared/corpus/feeds/real)', () => {
    expectBoilerplate(
      [
        "The Rachel Incident by Caroline O'Donoghue is available everywhere now.",
        "Jen Cownie's Wild Card: Let The Tarot Tell Your Story is everywhere too.",
        "'History Daily' is a new podcast from host Lindsay Graham which does history, daily.",
        'Every weekday beginning November 1st, this new podcast will bring you a slice of the history that happened that day.',
      ],
      [
        'Try a new podcast app that lets you clip and share any moment.',
        'The booster is available now to everyone over 65.',
        'Exit poll results are out now, and they favour the incumbent.',
        'This new show of force by Beijing worries its neighbours.',
      ],
    );
  });

  it('drops every sentence naming a show that a plug introduces: the History Daily trailer (1865) says nothing of its own', () => {
    const trailer = [
      "<p>'History Daily' is a new podcast from host Lindsay Graham which does history, daily. Every weekday beginning November 1st—the same day President John Adams first moved into the White House—this new podcast will&nbsp;bring you a slice of the history that happened that day.</p>",
      '<p>Whether it’s to remember the tragedy of December 7th, 1941, the day “that will live in infamy,” or to celebrate that 20th day in July, 1969, when mankind reached the moon, History Daily is there to tell you the true stories of the people and events that shaped our world—one day at a time.</p>',
      '<p>So if you’re stuck in traffic, bored at work—wherever you are, listen to History Daily to remind yourself that something incredible happened to make that day historic.</p>',
      '<p>History Daily premiers November 1st. Search for and subscribe to History Daily wherever you get your podcasts.&nbsp;</p>',
    ].join('');
    expect(() =>
      transcriptFromShowNotes(trailer, { title: "Introducing 'History Daily' From Host Lindsay Graham" }),
    ).toThrow(expect.objectContaining({ code: 'transcript_invalid' }));
    // The episode's own content stays, and a show named without a plug is content.
    expect(
      texts(
        'Ulysses Grant takes Richmond after a ten-month siege that broke the Confederate army. ' +
          'Fun City, a new show from our friends, is out now. Fun City premieres Tuesday. ' +
          'Historians on History Daily still argue over why Lee waited so long to leave Petersburg.',
      ),
    ).toEqual([
      'Ulysses Grant takes Richmond after a ten-month siege that broke the Confederate army.',
      'Historians on History Daily still argue over why Lee waited so long to leave Petersburg.',
    ]);
    expect(furnitureReason('Listen to Song Exploder, a huge inspiration for this episode.')).toBe('boilerplate phrase');
  });

  it("keeps sentences naming the show itself, a plug's opening words that are no name, and what precedes the plug", () => {
    const hardFork =
      'This week on Hard Fork, Kevin and Casey explain why the chatbots of every big company now sound alike.';
    expect(texts(`Hard Fork is a new show from The New York Times. ${hardFork}`, { showTitle: 'Hard Fork' })).toEqual([
      hardFork,
    ]);
    const court = 'On Monday the Supreme Court heard arguments over whether states may ban gender care for minors.';
    expect(texts(`On Monday, a new podcast from the BBC launched. ${court}`)).toEqual([court]);
    const before = 'Fun City grew out of a 1970s campaign to sell a bankrupt New York to tourists as a safe place.';
    expect(
      texts(`${before}\n\nFun City, a new show from our friends, is out now. Fun City premieres Tuesday.`),
    ).toEqual([before]);
  });

  it("takes 'Listen to …'/'Check out …' as a call only when it points at a title, a link or a show, not a description", () => {
    expectBoilerplate(
      [
        'Listen to Song Exploder, a huge inspiration for this episode.',
        'Check out Hard Fork.',
        "Listen to 'The Daily', our sister show, for the news every weekday morning.",
        'Check out our episode with Jane Smith on zoning reform from last spring for more on this.',
        'Check out the full interview on our website and let us know what you think of it.',
        'Check out nytimes.com/hardfork for the full list of what we talked about in this episode.',
      ],
      [
        'Listen to economist Jane Smith explain why the housing shortage drives rents up faster than wages.',
        'Check out how a small team in Lagos built a payments network that now serves millions of traders.',
      ],
    );
  });

  it('judges a long hostile sentence full of "you" in linear time', () => {
    const sentence = `Send ${'you '.repeat(200_000)}it all.`;
    expect(furnitureReason(sentence)).toBeUndefined();
  });

  it('keeps content that merely mentions a host or a link', () => {
    expect(
      furnitureReason('Straight Up is the weekly podcast hosted by journalists Kathleen and Ellie.'),
    ).toBeUndefined();
    expect(
      furnitureReason('We read the new paper and explain why its sample of 12,000 voters changes the forecast.'),
    ).toBeUndefined();
  });
});

describe.skipIf(!hasCorpus && process.env.CI !== 'true')('show notes of real feeds', () => {
  const episodes = (file: string) => {
    requireCorpus();
    return parseFeed(readFileSync(corpusPath('feeds', 'real', file))).episodes.map((e) => e.description ?? '');
  };

  it.each([
    ['fivethirtyeight-politics-archive.rss', /ad ?choices/i, 0.8],
    ['gnomepodcasts__street-fight-radio-2024-03-15.xml', /P\.?O\.? Box/i, 0.3],
    ['partytime__sentimental-garbage.xml', /acast/i, 0.8],
    // Its notes are a one-line tagline and Patreon calls: most say nothing.
    ['gnomepodcasts__deprogram-2026-02-13.xml', /patreon|follow us/i, 0.1],
    ['gnomepodcasts__linux-unplugged-2020-12-19.xml', /promo code|sponsored by|linode/i, 0.8],
    ['partytime__1865.xml', /privacy/i, 0.8],
  ])('%s: no %s left in any episode', (file, furniture, share) => {
    const all = episodes(file).slice(0, 150);
    const repeated = showBoilerplate(all);
    let kept = 0;
    for (const notes of all) {
      let segments: string[];
      try {
        segments = texts(notes, { repeated });
      } catch {
        continue;
      }
      kept += 1;
      for (const s of segments) expect(s).not.toMatch(furniture);
    }
    // The rest still says something.
    expect(kept).toBeGreaterThanOrEqual(all.length * share);
  });
});
