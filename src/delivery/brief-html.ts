import { html, raw, type SafeHtml } from '../text/html.js';
import type { AlsoOnView, BriefView, FeedbackUrls, ItemView, RelatedView } from './brief-view.js';
import { htmlLayout, link, MUTED } from './html-layout.js';

// Every value from a feed, a transcript or a model reaches the HTML only through the `html`
// template, which escapes it: podcast text is rendered as text, never as markup.

const MIDDOT = raw(' &middot; ');

function titles(podcast: string, episode: string): SafeHtml[] {
  return [podcast, episode].filter(Boolean).map((t, i) => (i === 0 ? html`${t}` : html`${MIDDOT}${t}`));
}

function quoteHtml(item: ItemView): SafeHtml | '' {
  const parts: SafeHtml[] = [];
  if (item.speaker) parts.push(html`&mdash; ${item.speaker}`);
  if (item.time) parts.push(html`at ${link(item.timeUrl, item.time)}`);
  const attribution = parts.map((p, i) => (i === 0 ? p : html`, ${p}`));
  // No quote that only repeats the text: the text is what was said, attributed once.
  if (!item.quote)
    return parts.length > 0 ? html`<p style="margin:0 0 12px 0;font-size:13px;${MUTED}">${attribution}</p>` : '';
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 12px 0;">
<tr><td style="border-left:3px solid #c7d2fe;padding:4px 0 4px 14px;">
<p style="margin:0;font-size:15px;line-height:1.5;font-style:italic;color:#374151;">&ldquo;${item.quote}&rdquo;</p>
${parts.length > 0 ? html`<p style="margin:4px 0 0 0;font-size:13px;${MUTED}">${attribution}</p>` : ''}
</td></tr>
</table>`;
}

function relatedHtml(related: RelatedView[]): SafeHtml | '' {
  if (related.length === 0) return '';
  const rows = related.map(
    (r, i) => html`${i > 0 ? '\n' : ''}<tr><td style="padding:8px 0;border-top:1px solid #f3f4f6;">
<p style="margin:0;font-size:12px;${MUTED}">${r.relation ? html`<strong>${r.relation}</strong>${MIDDOT}` : ''}${titles(r.podcastTitle, r.episodeTitle)}${r.fromShowNotes ? html`${MIDDOT}from the show notes` : ''}</p>
<p style="margin:2px 0 0 0;font-size:14px;font-weight:bold;">${link(r.url, r.headline)}</p>
${r.text ? html`<p style="margin:2px 0 0 0;font-size:14px;line-height:1.45;color:#374151;">${r.text}</p>` : ''}
</td></tr>`,
  );
  return html`<p style="margin:16px 0 4px 0;font-size:12px;letter-spacing:0.06em;text-transform:uppercase;${MUTED}">Related insights</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
${rows}
</table>`;
}

function alsoOnHtml(alsoOn: AlsoOnView[]): SafeHtml | '' {
  if (alsoOn.length === 0) return '';
  const shows = alsoOn.map((a, i) => {
    const label = link(a.url, [a.podcastTitle, a.episodeTitle].filter(Boolean).join(' · '));
    return i === 0 ? label : html`; ${label}`;
  });
  return html`<p style="margin:0 0 12px 0;font-size:13px;${MUTED}">Also said on ${shows}</p>`;
}

const BUTTON =
  'display:inline-block;margin:0 6px 0 0;padding:3px 10px;border:1px solid #d1d5db;border-radius:12px;color:#374151;text-decoration:none;font-size:13px;';

function feedbackHtml(f: FeedbackUrls | undefined): SafeHtml | '' {
  if (!f) return '';
  return html`<p style="margin:10px 0 0 0;">${link(f.up, '👍 Useful', BUTTON)}${link(f.down, '👎 Not useful', BUTTON)}${link(f.more, 'More like this', BUTTON)}${link(f.less, 'Less like this', BUTTON)}</p>`;
}

function itemHtml(item: ItemView): SafeHtml {
  const separator = item.number > 1 ? 'border-top:1px solid #e5e7eb;' : '';
  return html`<tr><td style="padding:20px 32px;${separator}">
<h2 style="margin:0 0 4px 0;font-size:19px;line-height:1.35;color:#111827;">${item.number}. ${item.headline}</h2>
<p style="margin:0 0 12px 0;font-size:13px;${MUTED}">${titles(item.podcastTitle, item.episodeTitle)}${item.fromShowNotes ? html`${MIDDOT}<em>from the show notes</em>` : ''}</p>
<p style="margin:0 0 12px 0;font-size:16px;line-height:1.55;">${item.text}</p>
${quoteHtml(item)}
${alsoOnHtml(item.alsoOn)}
${item.reason ? html`<p style="margin:0;font-size:13px;${MUTED}">Why you got this: ${item.reason}</p>` : ''}
${feedbackHtml(item.feedback)}
${relatedHtml(item.related)}
</td></tr>`;
}

const FOOTER_LINK = 'color:#6b7280;text-decoration:underline;';

function footerHtml(view: BriefView): SafeHtml {
  return html`<p style="margin:0 0 6px 0;">You get this daily brief because ${view.recipient} subscribed to Podbrief.</p>
<p style="margin:0;">${link(view.preferencesUrl, 'Manage preferences', FOOTER_LINK)}${MIDDOT}${link(view.unsubscribeUrl, 'Unsubscribe', FOOTER_LINK)}</p>`;
}

export function renderBriefHtml(view: BriefView, subject: string, preview: string): string {
  return htmlLayout({
    title: subject,
    preview,
    heading: `Your brief for ${view.dateLabel}`,
    body: html`${view.items.map((item, i) => (i === 0 ? itemHtml(item) : html`\n${itemHtml(item)}`))}`,
    footer: footerHtml(view),
  });
}
