import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { renderBriefEmail, type BriefEmailInput } from './render-brief-email.js';
import {
  FIXTURE_FROM,
  FIXTURE_PUBLIC_URL,
  FIXTURE_SECRET,
  FIXTURE_USER,
  fixtureBrief,
} from './test-support/brief-fixture.js';
import { verifyUnsubscribe } from './unsubscribe-link.js';

function input(overrides: Partial<BriefEmailInput> = {}): BriefEmailInput {
  return {
    brief: fixtureBrief(),
    user: FIXTURE_USER,
    publicUrl: FIXTURE_PUBLIC_URL,
    secret: FIXTURE_SECRET,
    from: FIXTURE_FROM,
    ...overrides,
  };
}

interface Tag {
  name: string;
  attribs: Record<string, string>;
}

function parseHtml(html: string): { tags: Tag[]; text: string } {
  const tags: Tag[] = [];
  let text = '';
  const parser = new Parser(
    {
      onopentag: (name, attribs) => tags.push({ name, attribs }),
      ontext: (chunk) => {
        text += chunk;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { tags, text: text.replace(/\s+/g, ' ') };
}

describe('renderBriefEmail', () => {
  const email = renderBriefEmail(input());
  const brief = fixtureBrief();

  it('addresses the user and builds subject and preview from the headlines', () => {
    expect(email.to).toBe('reader@mail.example.org');
    expect(email.from).toBe(FIXTURE_FROM);
    expect(email.subject).toBe(
      'Your Podbrief for Sun, 29 Nov: Small open models now beat last year’s giants on coding',
    );
    expect(email.preview).toMatch(/^Also today: Why central banks still fear wage spirals · /);
    expect(email.preview.length).toBeLessThanOrEqual(140);
  });

  it('escapes hostile text and drops non-http links in the HTML', () => {
    const { tags, text } = parseHtml(email.html);
    expect(email.html).not.toMatch(/<script/i);
    expect(email.html).not.toMatch(/javascript:/i);
    expect(email.html).toContain(
      'Attackers hide &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; in &quot;show notes&quot;',
    );
    expect(email.html).toContain('Eve &lt;evil@example.com&gt;');
    expect(tags.map((t) => t.name)).not.toEqual(expect.arrayContaining(['script', 'img', 'iframe', 'b']));
    for (const tag of tags) {
      expect(Object.keys(tag.attribs).filter((a) => a.startsWith('on'))).toEqual([]);
      if (tag.name === 'a') expect(tag.attribs.href).toMatch(/^https:\/\//);
    }
    // The decoded text still reads exactly as written.
    expect(text).toContain('Attackers hide <script>alert("x")</script> in "show notes"');
    expect(text).toContain('If you render it, they will "pwn" it <b>every</b> time.');
  });

  it('links each timestamp to its http(s) URL, shown as m:ss or h:mm:ss', () => {
    const anchors = parseHtml(email.html)
      .tags.filter((t) => t.name === 'a')
      .map((t) => t.attribs.href);
    expect(email.html).toMatch(/<a href="https:\/\/cdn\.example\.com\/ls\/212\.mp3#t=754"[^>]*>12:34<\/a>/);
    expect(email.html).toMatch(/<a href="https:\/\/oddlots\.example\/episodes\/fed#t=3725"[^>]*>1:02:05<\/a>/);
    expect(email.html).toContain('at 1:35'); // hostile URL dropped, time kept as text
    expect(anchors).toContain('https://practicalai.example/ep/88#t=1312');
    expect(anchors.filter((href) => href?.startsWith('https://podbrief.example/preferences?u=7&t='))).toHaveLength(1);
    expect(anchors.filter((href) => href?.includes('/unsubscribe?u=7&t='))).toHaveLength(1);
  });

  it('shows podcast, episode, reason and related insights for every item', () => {
    const { text } = parseHtml(email.html);
    for (const [i, item] of brief.items.entries()) {
      expect(text).toContain(`${i + 1}. ${item.headline}`);
      expect(text).toContain(item.podcastTitle);
      expect(text).toContain(item.episodeTitle);
      expect(text).toContain(item.text);
      for (const related of item.related) expect(text).toContain(related.headline);
    }
    expect(text).toContain('Why you got this: matches your interest "open-source models"');
    expect(text.match(/Related insights/g)).toHaveLength(4);
  });

  it('has a plain-text part with every headline, quote and timestamp, wrapped at 76 columns', () => {
    for (const item of brief.items) {
      expect(email.text).toContain(item.headline);
      expect(email.text.replace(/\s+/g, ' ')).toContain(`“${item.quote}”`);
    }
    for (const time of ['at 12:34', 'at 1:02:05', 'at 1:35', 'at 30:00', 'at 0:42']) expect(email.text).toContain(time);
    expect(email.text).toContain('— Dana Li, at 12:34');
    expect(email.text).toContain('Listen: https://cdn.example.com/ls/212.mp3#t=754');
    expect(email.text).toContain('https://macro.example/anchors#t=60');
    expect(email.text).not.toMatch(/javascript:/i);
    expect(email.text).toMatch(/Manage preferences:\s+https:\/\/podbrief\.example\/preferences\?u=7&t=[\w-]{43}/);
    for (const line of email.text.split('\n')) {
      if (line.length > 76) expect(line.trim()).not.toContain(' '); // only a lone long URL may overflow
    }
  });

  it('sets both unsubscribe headers with a URL that verifies, and the brief id', () => {
    const match = /^<(https:\/\/podbrief\.example\/unsubscribe\?u=7&t=[A-Za-z0-9_-]+)>$/.exec(
      email.headers['List-Unsubscribe'] ?? '',
    );
    expect(match).not.toBeNull();
    const url = new URL(match?.[1] ?? '');
    expect(verifyUnsubscribe(7, url.searchParams.get('t') ?? '', FIXTURE_SECRET)).toBe(true);
    expect(email.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(email.headers['X-Podbrief-Brief-Id']).toBe('42');
    expect(email.brief).toEqual({ id: 42, userId: 7, date: '2026-11-29' });
    expect(email.text.replace(/\s+/g, ' ')).toContain(`Unsubscribe: ${url.href}`);
  });

  it('never leaks the signing secret', () => {
    const all = [email.subject, email.preview, email.html, email.text, ...Object.values(email.headers)].join('\n');
    expect(all).not.toContain(FIXTURE_SECRET);
  });

  it('keeps line breaks and bidi controls from feed titles out of the subject', () => {
    const hostile = fixtureBrief();
    const first = hostile.items[0];
    if (!first) throw new Error('fixture has items');
    first.headline = 'Foo\r\nBcc: victim@example.com\u2028\u202eevil';
    const { subject } = renderBriefEmail(input({ brief: hostile }));
    expect(subject).toBe('Your Podbrief for Sun, 29 Nov: Foo Bcc: victim@example.com evil');
  });

  it('truncates a very long first headline in the subject', () => {
    const long = fixtureBrief();
    if (long.items[0]) long.items[0].headline = 'word '.repeat(60);
    const { subject } = renderBriefEmail(input({ brief: long }));
    expect(subject.length).toBeLessThan(120);
    expect(subject.endsWith('…')).toBe(true);
  });

  it.each([
    ['empty_brief', () => input({ brief: fixtureBrief({ items: [] }) })],
    ['brief_user_mismatch', () => input({ brief: fixtureBrief({ userId: 8 }) })],
    ['invalid_recipient', () => input({ user: { id: 7, email: 'a@b.example\r\nBcc: c@d.example' } })],
    ['invalid_recipient', () => input({ user: { id: 7, email: 'a@b.example, c@d.example' } })],
    ['invalid_sender', () => input({ from: 'a@b.example, c@d.example' })],
    ['invalid_public_url', () => input({ publicUrl: 'javascript:alert(1)' })],
    ['invalid_brief_date', () => input({ brief: fixtureBrief({ date: '2026-02-30' }) })],
  ])('throws %s for bad input', (code, make) => {
    expect(() => renderBriefEmail(make())).toThrow(expect.objectContaining({ code }));
  });

  it('shows a show-notes item as such: no quote, no time, no speaker, labelled in both parts', () => {
    const brief = fixtureBrief();
    const first = brief.items[0]!;
    Object.assign(first, {
      fromShowNotes: true,
      quote: first.text,
      start: 0,
      timestampUrl: undefined,
      speaker: 'Dana Li',
    });
    first.related = [{ ...first.related[0]!, fromShowNotes: true }];
    const { html, text } = renderBriefEmail(input({ brief }));
    const part = text.split('\n2. ')[0]!;
    expect(part).toContain('Latent Space · Ep. 212: The small model summer · from the show notes');
    expect(part).not.toContain('“');
    expect(part).not.toMatch(/at 0:00|Dana Li|Listen:/);
    expect(part.split(first.text.slice(0, 40)).length).toBe(2);
    expect(part).toContain('Distill everything · from the show notes');
    const firstHtml = parseHtml(html.split('2. Why central banks')[0]!).text;
    expect(firstHtml).toContain('from the show notes');
    expect(firstHtml).not.toMatch(/Dana Li|at 0:00|“/);
    // A transcript item keeps its quote block.
    expect(text.split('\n2. ')[1]).toContain('“Every central banker');
  });

  it('shows the insight once, with its speaker and listen link, when the quote only adds disfluencies', () => {
    const brief = fixtureBrief();
    const first = brief.items[0]!;
    first.text = 'We were honestly shocked that the seven billion model held its own against the seventy.';
    first.quote =
      'Um, we were, you know, honestly shocked that the the seven billion model held its own against the seventy.';
    const { html, text } = renderBriefEmail(input({ brief }));
    const part = text.split('\n2. ')[0]!;
    expect(part.split('honestly shocked').length).toBe(2);
    expect(part).not.toContain('“');
    expect(part).toContain('— Dana Li, at 12:34');
    expect(part).toContain('Listen: https://cdn.example.com/ls/212.mp3#t=754');
    const firstHtml = html.split('2. Why central banks')[0]!;
    expect(parseHtml(firstHtml).text.split('honestly shocked').length).toBe(2);
    expect(parseHtml(firstHtml).text).toContain('— Dana Li, at 12:34');
    expect(firstHtml).toContain('href="https://cdn.example.com/ls/212.mp3#t=754"');
    // A quote with words of its own is still shown.
    expect(text.split('\n2. ')[1]).toContain('“Every central banker');
  });

  it('names the episode once under a neutral headline, and shows a related item without a headline once', () => {
    const brief = fixtureBrief();
    const first = brief.items[0]!;
    first.headline = 'From “Ep. 212: The small model summer”';
    first.related = [{ ...first.related[0]!, headline: '' }];
    const { html, text } = renderBriefEmail(input({ brief }));
    const part = text.split('\n2. ')[0]!.replace(/\s+/g, ' ');
    expect(part).toContain('1. From “Ep. 212: The small model summer” Latent Space');
    expect(part.split('The small model summer').length).toBe(2);
    expect(part.split('Most of the quality gains').length).toBe(2);
    // The item as shown (the preview line before it quotes the headline).
    const firstHtml = parseHtml(`1. ${html.split('2. Why central banks')[0]!.split('1. ')[1]}`).text;
    expect(firstHtml.split('The small model summer').length).toBe(2);
    expect(firstHtml.split('Most of the quality gains').length).toBe(2);
  });
});
