import type { TranscriptLink } from '../model/feed.js';
import type { TranscriptType } from '../model/transcript.js';
import { typeFromDeclared, typeFromFileName } from './detect-type.js';

const RICHNESS: Record<TranscriptType, number> = { json: 6, vtt: 5, srt: 4, html: 3, markdown: 2, text: 1 };

/**
 * The richest transcript of an episode: JSON > VTT > SRT > HTML > Markdown > text (type from
 * the declared MIME type, else the URL's extension). With `language`, links in that language
 * come first, then links that state none, then other languages. Ties keep feed order.
 */
export function pickTranscriptLink(links: TranscriptLink[], language?: string): TranscriptLink | undefined {
  let best: TranscriptLink | undefined;
  let bestScore = -1;
  for (const link of links) {
    if (!link.url) continue;
    const score = languageScore(link.language, language) * 10 + formatScore(link);
    if (score > bestScore) [best, bestScore] = [link, score];
  }
  return best;
}

function formatScore(link: TranscriptLink): number {
  const declared = typeFromDeclared(link.type);
  const type = declared && declared !== 'text' ? declared : (typeFromFileName(link.url) ?? declared);
  return type ? RICHNESS[type] : 0;
}

function languageScore(linkLanguage: string | undefined, wanted: string | undefined): number {
  if (!wanted) return 0;
  if (!linkLanguage) return 1;
  return primary(linkLanguage) === primary(wanted) ? 2 : 0;
}

function primary(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/, 1)[0] ?? '';
}
