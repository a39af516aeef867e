import { describe, expect, it } from 'vitest';
import { SCRIPT } from '../audio/test-support/speech.js';
import { assessQuality } from './quality-gate.js';

const speech = SCRIPT.map((text, i) => ({ start: i * 5, end: i * 5 + 5, text }));

describe('assessQuality', () => {
  it('accepts confident English speech', () => {
    expect(
      assessQuality(
        speech.map((s) => ({ ...s, avgLogprob: -0.3, noSpeechProb: 0.02 })),
        'en',
      ),
    ).toEqual({ ok: true });
  });

  it('rejects what the engine itself doubts', () => {
    const low = assessQuality(speech.map((s) => ({ ...s, avgLogprob: -1.4 })));
    expect(low).toEqual({ ok: false, reason: 'the engine reports low confidence (mean avg_logprob -1.40 < -1)' });
    const silent = assessQuality(speech.map((s) => ({ ...s, noSpeechProb: 0.9 })));
    expect(silent.ok).toBe(false);
    expect(!silent.ok && silent.reason).toContain('mostly no speech');
  });

  it('rejects word salad from a broken model, but judges no other language by English words', () => {
    const salad = [{ start: 0, end: 30, text: ' w1234 w4456 w12 w9999 w5 w77 w100 w2000 w300 w17' }];
    const verdict = assessQuality(salad);
    expect(verdict).toEqual({ ok: false, reason: 'word salad: only 0% of its words are English words' });
    const german = [
      { start: 0, end: 9, text: 'Willkommen zur Sendung, heute sprechen wir über offene Spracherkennung.' },
    ];
    expect(assessQuality(german, 'de')).toEqual({ ok: true });
  });

  it('rejects an empty result', () => {
    expect(assessQuality([])).toEqual({ ok: false, reason: 'no speech was recognised' });
  });
});
