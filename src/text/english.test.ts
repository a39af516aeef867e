import { describe, expect, it } from 'vitest';
import { contentTerms } from './terms.js';
import { englishIdfOfWord, MAX_ENGLISH_IDF } from './english.js';
import { buildBackgroundStats, termWeighter } from './background-stats.js';

describe('general-English background', () => {
  it('ranks everyday words below topical and unseen ones', () => {
    const idf = (w: string): number => englishIdfOfWord(w);
    expect(idf('the')).toBeLessThan(idf('people'));
    expect(idf('people')).toBeLessThan(idf('strategy'));
    expect(idf('strategy')).toBeLessThan(idf('kubernetes'));
    expect(idf('kubernetes')).toBe(MAX_ENGLISH_IDF);
  });

  it('damps terms that the caller’s other episodes use everywhere', () => {
    const others = ['kubernetes pods and clusters', 'kubernetes networking', 'kubernetes storage and volumes'];
    const withBackground = termWeighter(buildBackgroundStats(others));
    const plain = termWeighter();
    const [kube] = contentTerms('kubernetes');
    const [mesh] = contentTerms('mesh');
    expect(kube && mesh).toBeTruthy();
    expect(withBackground(kube ?? '') / plain(kube ?? '')).toBeLessThan(withBackground(mesh ?? '') / plain(mesh ?? ''));
  });
});
