import { analyse, termWeighter } from '../../work/wt/quality/src/text/index.js';
import { keepMask, renderKept } from '../../work/wt/quality/src/insights/text/clean.js';
import { makeHeadline } from '../../work/wt/quality/src/insights/text/headline.js';
const passage = process.argv[2]!;
const { tokens, sentences } = analyse(passage);
const keep = keepMask(tokens);
const text = renderKept(tokens, keep);
console.log('TEXT:', text);
console.log(
  'strict:',
  JSON.stringify(
    makeHeadline(
      sentences.map(([a, b]) => tokens.slice(a, b + 1)),
      sentences.map(([a, b]) => keep.slice(a, b + 1)),
      termWeighter(),
      [],
      text,
    ),
  ),
);
console.log(
  'loose:',
  JSON.stringify(
    makeHeadline(
      sentences.map(([a, b]) => tokens.slice(a, b + 1)),
      sentences.map(([a, b]) => keep.slice(a, b + 1)),
      termWeighter(),
      [],
    ),
  ),
);
