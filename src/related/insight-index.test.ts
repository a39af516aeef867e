import { describe, expect, it } from 'vitest';
import { indexEntryFor, indexText } from './insight-index.js';

describe('what the index reads of an insight', () => {
  const text = 'Among the companies that evaluated open-weight models, about a third cited legal uncertainty.';

  it('reads a headline of its own with the text', () => {
    const insight = { id: 1, headline: 'Lawyers slow down deployment', text };
    expect(indexText(insight)).toBe(`Lawyers slow down deployment. ${text}`);
    expect(Object.keys(indexEntryFor(insight).terms).some((k) => k.startsWith('lawyer'))).toBe(true);
  });

  it('leaves out a neutral headline: the episode title is not what the insight says', () => {
    const insight = { id: 2, headline: 'From “Open Questions: US Policy Toward Open-Source AI”', text };
    expect(indexText(insight)).toBe(text);
    const keys = Object.keys(indexEntryFor(insight).terms);
    expect(keys.some((k) => k.includes('polici'))).toBe(false);
    expect(keys.some((k) => k.includes('uncertainti'))).toBe(true);
  });
});
