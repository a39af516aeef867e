import type { BriefView, ItemView, RelatedView } from './brief-view.js';
import { wrapText } from './brief-format.js';

const WIDTH = 76;
const INDENT = '   ';

function titles(podcast: string, episode: string): string {
  return [podcast, episode].filter(Boolean).join(' · ');
}

function relatedText(r: RelatedView): string {
  const lines = [
    wrapText(`- ${r.relation ? `[${r.relation}] ` : ''}${r.headline}`, WIDTH, INDENT),
    wrapText(
      `(${titles(r.podcastTitle, r.episodeTitle)}${r.fromShowNotes ? ' · from the show notes' : ''})`,
      WIDTH,
      `${INDENT}  `,
    ),
  ];
  if (r.text) lines.push(wrapText(r.text, WIDTH, `${INDENT}  `));
  if (r.url) lines.push(`${INDENT}  ${r.url}`);
  return lines.join('\n');
}

function itemText(item: ItemView): string {
  const parts = [
    wrapText(`${item.number}. ${item.headline}`, WIDTH),
    wrapText(
      `${titles(item.podcastTitle, item.episodeTitle)}${item.fromShowNotes ? ' · from the show notes' : ''}`,
      WIDTH,
      INDENT,
    ),
    '',
    wrapText(item.text, WIDTH, INDENT),
  ];
  const attribution = [item.speaker ? `— ${item.speaker}` : '', item.time ? `at ${item.time}` : '']
    .filter(Boolean)
    .join(', ');
  // The quote when it adds to the text; otherwise the text is what was said, attributed once.
  if (item.quote) parts.push('', wrapText(`“${item.quote}”`, WIDTH, INDENT));
  if (item.quote || !item.fromShowNotes) {
    if (attribution) parts.push(...(item.quote ? [] : ['']), wrapText(attribution, WIDTH, INDENT));
    if (item.timeUrl) parts.push(wrapText(`Listen: ${item.timeUrl}`, WIDTH, INDENT));
  }
  if (item.alsoOn.length > 0) {
    const shows = item.alsoOn.map((a) => titles(a.podcastTitle, a.episodeTitle)).join('; ');
    parts.push('', wrapText(`Also said on ${shows}`, WIDTH, INDENT));
  }
  if (item.reason) parts.push('', wrapText(`Why you got this: ${item.reason}`, WIDTH, INDENT));
  if (item.feedback) {
    const f = item.feedback;
    parts.push(
      '',
      `${INDENT}Useful: ${f.up}`,
      `${INDENT}Not useful: ${f.down}`,
      `${INDENT}More like this: ${f.more}`,
      `${INDENT}Less like this: ${f.less}`,
    );
  }
  if (item.related.length > 0) {
    parts.push('', `${INDENT}Related insights:`, ...item.related.map(relatedText));
  }
  return parts.join('\n');
}

export function renderBriefText(view: BriefView): string {
  const rule = '-'.repeat(WIDTH);
  return [
    `Your Podbrief for ${view.dateLabel}`,
    '',
    view.items.map(itemText).join(`\n\n${rule}\n\n`),
    '',
    rule,
    wrapText(`You get this daily brief because ${view.recipient} subscribed to Podbrief.`, WIDTH),
    wrapText(`Manage preferences: ${view.preferencesUrl}`, WIDTH),
    wrapText(`Unsubscribe: ${view.unsubscribeUrl}`, WIDTH),
    '',
  ].join('\n');
}
