import { describe, expect, it } from 'vitest';
import { relationOf } from './relation.js';

describe('relationOf: a lexical guess at agrees / contradicts / extends', () => {
  it('calls a negated restatement a contradiction', () => {
    expect(
      relationOf(
        'Remote work raises productivity for engineers.',
        'Remote work does not raise productivity for engineers.',
        0.6,
      ),
    ).toBe('contradicts');
  });

  it('calls different figures on the same subject a contradiction', () => {
    expect(relationOf('Inflation will be 3% next year.', 'Inflation will be 5% next year.', 0.5)).toBe('contradicts');
  });

  it('calls a close restatement agreement and a same-subject newcomer an extension', () => {
    expect(
      relationOf(
        'Small open models now match large ones on coding.',
        'Small open models match much larger ones on coding tasks.',
        0.6,
      ),
    ).toBe('agrees');
    expect(
      relationOf(
        'Small open models now match large ones on coding.',
        'Distillation from frontier systems explains most of that quality jump in compact checkpoints.',
        0.15,
      ),
    ).toBe('extends');
  });

  it('says nothing when the words cannot tell', () => {
    expect(relationOf('Kubernetes networking is hard.', 'Kubernetes storage is hard.', 0.05)).toBeUndefined();
    expect(relationOf('Kubernetes networking is hard.', 'Kubernetes networking is hard, sure.', 0.25)).toBeUndefined();
  });
});
