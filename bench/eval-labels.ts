/**
 * Precision and recall of the agrees / contradicts / extends labels (relation.ts) on a sample of
 * related pairs labelled by hand (src/related/eval/labelled-relations.ts says how it was made).
 * A label shown wrongly misleads; no label only leaves the reader to judge, so precision counts most.
 *   npm run eval:labels
 */
import { LABELLED_RELATIONS } from '../src/related/eval/labelled-relations.js';
import { labelScores, overallPrecision } from '../src/related/eval/label-scores.js';
import { relationOf } from '../src/related/relation.js';

const scores = labelScores(LABELLED_RELATIONS, (p) => relationOf(p.a, p.b, p.similarity));
console.log(`${LABELLED_RELATIONS.length} pairs labelled by hand`);
for (const s of scores) {
  const p = s.predicted === 0 ? 'n/a' : (s.correct / s.predicted).toFixed(2);
  const r = s.actual === 0 ? 'n/a' : (s.correct / s.actual).toFixed(2);
  console.log(
    `  ${s.label.padEnd(11)} given ${String(s.predicted).padStart(2)}, right ${String(s.correct).padStart(2)} (precision ${p}); true ${String(s.actual).padStart(2)} (recall ${r})`,
  );
}
const given = scores.reduce((n, s) => n + s.predicted, 0);
console.log(
  `  all labels  given ${given}, precision ${given === 0 ? 'n/a (no label given)' : overallPrecision(scores).toFixed(2)}`,
);
