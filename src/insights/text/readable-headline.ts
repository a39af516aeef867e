import { analyse, type Token } from '../../text/index.js';
import { isNeutralHeadline, neutralHeadline } from '../../model/neutral-headline.js';
import { standsBeside } from './headline-check.js';
import { isStandaloneClaim } from './headline.js';
import { capitalizedStart, leadingTalkLength } from './leading-talk.js';

/**
 * The headline without the discourse markers it opens on ("So the rule is: self-host the bulk"
 * → "The rule is: self-host the bulk") when what remains is a complete claim of its own, else as
 * given for the checks to judge; with its tokens, so the checks need not read it again.
 */
function droppingLeadingTalk(headline: string): { text: string; tokens: Token[] } {
  const h = headline.trim();
  const { tokens, sentences } = analyse(h);
  const first = tokens.slice(0, (sentences[0]?.[1] ?? tokens.length - 1) + 1);
  const drop = leadingTalkLength(first);
  const rest = first.slice(drop);
  if (drop === 0 || !rest[0] || !isStandaloneClaim(rest)) return { text: h, tokens };
  return { text: capitalizedStart(h.slice(rest[0].offset)), tokens: tokens.slice(drop) };
}

/** The insight's own headline, freed of leading talk, when it stands beside its text; else ''. */
export function standingHeadline(headline: string, text: string): string {
  const h = droppingLeadingTalk(headline);
  return standsBeside(h.text, text, h.tokens) ? h.text : '';
}

/**
 * The headline the reader sees: the insight's own when it stands beside its text, else a neutral
 * one from the episode title (stored before headlines were checked, or written by a model).
 */
export function readableHeadline(headline: string, text: string, episodeTitle: string): string {
  if (isNeutralHeadline(headline)) return headline.trim();
  return standingHeadline(headline, text) || neutralHeadline(episodeTitle) || headline.trim();
}
