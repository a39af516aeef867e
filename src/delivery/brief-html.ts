import type { AlsoOnView, BriefView, FeedbackUrls, ItemView, RelatedView } from './brief-view.js';
import { htmlLayout, link, MUTED } from './html-layout.js';
import { escapeHtml as esc } from './safe-text.js';

function titles(podcast: string, episode: string): string {
  return [podcast, episode].filter(Boolean).map(esc).join(' &middot; ');
}

function quoteHtml(item: ItemView): string {
  if (!item.quote) return '';
  const timeLink = item.time ? `at ${link(item.timeUrl, item.time)}` : '';
  const attribution = [item.speaker ? `&mdash; ${esc(item.speaker)}` : '', timeLink].filter(Boolean).join(', ');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 12px 0;">
<tr><td style="border-left:3px solid #c7d2fe;padding:4px 0 4px 14px;">
<p style="margin:0;font-size:15px;line-height:1.5;font-style:italic;color:#374151;">&ldquo;${esc(item.quote)}&rdquo;</p>
${attribution ? `<p style="margin:4px 0 0 0;font-size:13px;${MUTED}">${attribution}</p>` : ''}
</td></tr>
</table>`;
}

function relatedHtml(related: RelatedView[]): string {
  if (related.length === 0) return '';
  const rows = related.map(
    (r) => `<tr><td style="padding:8px 0;border-top:1px solid #f3f4f6;">
<p style="margin:0;font-size:12px;${MUTED}">${r.relation ? `<strong>${esc(r.relation)}</strong> &middot; ` : ''}${titles(r.podcastTitle, r.episodeTitle)}</p>
<p style="margin:2px 0 0 0;font-size:14px;font-weight:bold;">${link(r.url, r.headline)}</p>
${r.text ? `<p style="margin:2px 0 0 0;font-size:14px;line-height:1.45;color:#374151;">${esc(r.text)}</p>` : ''}
</td></tr>`,
  );
  return `<p style="margin:16px 0 4px 0;font-size:12px;letter-spacing:0.06em;text-transform:uppercase;${MUTED}">Related insights</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
${rows.join('\n')}
</table>`;
}

function alsoOnHtml(alsoOn: AlsoOnView[]): string {
  if (alsoOn.length === 0) return '';
  const shows = alsoOn.map((a) => link(a.url, [a.podcastTitle, a.episodeTitle].filter(Boolean).join(' · ')));
  return `<p style="margin:0 0 12px 0;font-size:13px;${MUTED}">Also said on ${shows.join('; ')}</p>`;
}

const BUTTON =
  'display:inline-block;margin:0 6px 0 0;padding:3px 10px;border:1px solid #d1d5db;border-radius:12px;color:#374151;text-decoration:none;font-size:13px;';

function feedbackHtml(f: FeedbackUrls | undefined): string {
  if (!f) return '';
  return `<p style="margin:10px 0 0 0;">${link(f.up, '👍 Useful', BUTTON)}${link(f.down, '👎 Not useful', BUTTON)}${link(f.more, 'More like this', BUTTON)}${link(f.less, 'Less like this', BUTTON)}</p>`;
}

function itemHtml(item: ItemView): string {
  const separator = item.number > 1 ? 'border-top:1px solid #e5e7eb;' : '';
  return `<tr><td style="padding:20px 32px;${separator}">
<h2 style="margin:0 0 4px 0;font-size:19px;line-height:1.35;color:#111827;">${item.number}. ${esc(item.headline)}</h2>
<p style="margin:0 0 12px 0;font-size:13px;${MUTED}">${titles(item.podcastTitle, item.episodeTitle)}</p>
<p style="margin:0 0 12px 0;font-size:16px;line-height:1.55;">${esc(item.text)}</p>
${quoteHtml(item)}
${alsoOnHtml(item.alsoOn)}
${item.reason ? `<p style="margin:0;font-size:13px;${MUTED}">Why you got this: ${esc(item.reason)}</p>` : ''}
${feedbackHtml(item.feedback)}
${relatedHtml(item.related)}
</td></tr>`;
}

function footerHtml(view: BriefView): string {
  return `<p style="margin:0 0 6px 0;">You get this daily brief because ${esc(view.recipient)} subscribed to Podbrief.</p>
<p style="margin:0;">${link(view.preferencesUrl, 'Manage preferences', 'color:#6b7280;text-decoration:underline;')} &middot; ${link(view.unsubscribeUrl, 'Unsubscribe', 'color:#6b7280;text-decoration:underline;')}</p>`;
}

export function renderBriefHtml(view: BriefView, subject: string, preview: string): string {
  return htmlLayout({
    title: subject,
    preview,
    heading: `Your brief for ${view.dateLabel}`,
    body: view.items.map(itemHtml).join('\n'),
    footer: footerHtml(view),
  });
}
