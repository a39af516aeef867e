/**
 * Discourse markers that open a spoken sentence and say nothing of their own before a pause ("Well,
 * …", "Now, the other person …", "Because, all of a sudden, …"): the insight cleaner drops them
 * there, and the brief does not count them as a difference between a text and its quote.
 */
export const OPENING_MARKERS: ReadonlySet<string> = new Set([
  'so',
  // "Because, all of a sudden, …": a reason for what was said before, not one fronting a claim.
  'because',
  'well',
  'yeah',
  'yes',
  'okay',
  'ok',
  'right',
  'now',
  'oh',
  'like',
  'look',
  'anyway',
  'sure',
  'absolutely',
  'exactly',
  'totally',
  'cool',
]);
