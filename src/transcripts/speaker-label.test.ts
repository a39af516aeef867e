import { describe, expect, it } from 'vitest';
import { isGenericSpeaker } from './index.js';
import { splitSpeakerLabel } from './speaker-label.js';

describe('speaker labels', () => {
  it('splits names, initials and diarisation labels, not sentence openers', () => {
    expect(splitSpeakerLabel('Adam Curry: podcasting 2.0')).toEqual({
      speaker: 'Adam Curry',
      text: 'podcasting 2.0',
      labelled: true,
    });
    expect(splitSpeakerLabel('NL: Hi.')).toMatchObject({ speaker: 'NL', text: 'Hi.' });
    expect(splitSpeakerLabel('SPEAKER_2: yes')).toMatchObject({ speaker: 'SPEAKER_2' });
    expect(splitSpeakerLabel('Norma-Jean Belenky: hello')).toMatchObject({ speaker: 'Norma-Jean Belenky' });
    expect(splitSpeakerLabel('Unknown: who')).toEqual({ text: 'who', labelled: true });
    for (const line of ['Note: this', 'So: what now', 'the host said: hi', 'https://example.com', 'Time 10:30 now']) {
      expect(splitSpeakerLabel(line).labelled).toBe(false);
    }
  });

  it('tells placeholders from names', () => {
    for (const name of ['SPEAKER_1', 'Speaker 3', 'spk-2', 'Unknown', undefined])
      expect(isGenericSpeaker(name)).toBe(true);
    for (const name of ['Seth Godin', 'Lenny', 'NL', 'James C']) expect(isGenericSpeaker(name)).toBe(false);
  });
});
