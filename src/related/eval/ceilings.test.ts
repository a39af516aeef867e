import { describe, expect, it } from 'vitest';
import { ceilingsOf } from './ceilings.js';
import type { LabelledSet } from './labelled-sets.js';

const set = (items: Array<[string, string]>): LabelledSet => ({
  name: 's',
  items: items.map(([theme, text], k) => ({ id: `${theme}#${k}`, theme, text })),
});

describe('ceilingsOf', () => {
  it('finds every item next to its own theme when the themes share no words, and scores a by-show grouping', () => {
    const sets = [
      set([
        ['tech-kube', 'Kubernetes operators reconcile cluster state continuously'],
        ['fit-squat', 'Squat depth depends on ankle mobility and hip strength'],
        ['tech-kube', 'Cluster state drifts unless operators reconcile it'],
        ['fit-squat', 'Ankle mobility limits squat depth more than hip strength'],
      ]),
    ];
    const c = ceilingsOf(sets, (theme) => theme.split('-')[0] as string);
    expect(c.nearestSameTheme).toBe(1);
    expect(c.ownCentroidClosest).toBe(1);
    expect(c.groupedByShow.f1).toBe(1);
  });

  it('counts an item whose nearest neighbour has another theme, and a by-show grouping that merges themes', () => {
    const sets = [
      set([
        ['tech-kube', 'Operators reconcile desired state continuously'],
        ['tech-net', 'Network policies deny cluster traffic by default'],
        // Labelled with the operators episode, but worded like the network one.
        ['tech-kube', 'Network policies shape cluster traffic, says the operators episode'],
        ['tech-net', 'Network policies restrict traffic'],
      ]),
    ];
    const c = ceilingsOf(sets, (theme) => theme.split('-')[0] as string);
    expect(c.nearestSameTheme).toBeLessThan(1);
    expect(c.groupedByShow).toMatchObject({ recall: 1, precision: 2 / 6 });
  });
});
