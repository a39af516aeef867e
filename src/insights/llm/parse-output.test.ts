import { describe, expect, it } from 'vitest';
import { parseOutput } from './parse-output.js';

const item = { headline: 'H', text: 'T', quote: 'Q', start_seconds: 3, speaker: null };
const reply = (content: unknown) => ({ content, replyBytes: 10 });

describe('parseOutput', () => {
  it('reads JSON text, also in a code fence or after prose, and an object as is', () => {
    const json = JSON.stringify({ insights: [item] });
    for (const content of [
      json,
      '```json\n' + json + '\n```',
      `Here you go:\n${json}\nHope it helps`,
      { insights: [item] },
    ]) {
      expect(parseOutput(reply(content)).items).toEqual([{ ...item, start_seconds: 3, speaker: null }]);
    }
    expect(parseOutput(reply(JSON.stringify([item]))).items).toHaveLength(1);
  });

  it('leaves out invalid items and counts them, ignoring extra keys', () => {
    const out = parseOutput(reply({ insights: [item, { headline: 'no quote', text: 'x' }, { ...item, extra: 1 }] }));
    expect(out).toEqual({ items: [item, item], invalid: 1 });
  });

  it('throws a classified error for unusable answers', () => {
    expect(() => parseOutput(reply('Sorry, I cannot'))).toThrow(
      expect.objectContaining({ code: 'malformed_output', message: 'model output is not JSON' }),
    );
    expect(() => parseOutput(reply({ insights: 'none' }))).toThrow(
      expect.objectContaining({ code: 'malformed_output' }),
    );
    expect(() => parseOutput(reply({ insights: [{ headline: 1 }] }))).toThrow(/none of the 1 insights/);
    expect(() =>
      parseOutput({ ...reply(undefined), problem: { code: 'truncated_output', message: 'cut off' } }),
    ).toThrow(expect.objectContaining({ code: 'truncated_output' }));
    expect(parseOutput(reply({ insights: [] }))).toEqual({ items: [], invalid: 0 });
  });
});
