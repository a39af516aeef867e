import { formatBriefDate } from '../../delivery/brief-format.js';
import { toBriefView, type BriefView, type ItemView } from '../../delivery/brief-view.js';
import type { Vote } from '../../delivery/index.js';
import type { Brief } from '../../model/brief.js';
import type { User } from '../../model/user.js';
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';

export type AccountSection = 'today' | 'archive' | 'preferences';

const SECTIONS: { key: AccountSection; href: string; label: string }[] = [
  { key: 'today', href: '/account', label: "Today's brief" },
  { key: 'archive', href: '/account/archive', label: 'Archive' },
  { key: 'preferences', href: '/account/preferences', label: 'Preferences' },
];

/** An account page: the shared layout with the account navigation above the page's own content. */
export function accountPage(title: string, user: User, section: AccountSection | undefined, body: SafeHtml): string {
  return layout(
    title,
    html`<nav class="account" aria-label="Your account"><ul>
${SECTIONS.map((s) => html`<li><a href="${s.href}"${s.key === section ? html` aria-current="page"` : ''}>${s.label}</a></li>`)}
</ul></nav>
${body}`,
    { user },
  );
}

export function notice(text: string | undefined): SafeHtml {
  return text ? html`<p class="notice" role="status">${text}</p>` : html``;
}

export function problemList(problems: string[]): SafeHtml {
  return problems.length
    ? html`<ul class="problems" role="alert">${problems.map((p) => html`<li>${p}</li>`)}</ul>`
    : html``;
}

const VOTE_LABEL: Record<Vote, string> = {
  up: '👍 Useful',
  down: '👎 Not useful',
  more: 'More like this',
  less: 'Less like this',
};

/** The subscriber's votes on one insight, as small labels beside its headline (the archive). */
export function voteTags(votes: Vote[] | undefined): SafeHtml {
  return votes?.length ? html` ${votes.map((v) => html`<span class="vote-tag">${VOTE_LABEL[v]}</span>`)}` : html``;
}

export interface BriefCardsOptions {
  /** The click-recording `/t/<signed>` URL of an insight. */
  listenUrl(insightId: number): string;
  /** The user's current vote per insight, to mark the pressed button. */
  votes: Map<number, string>;
  /** Where the vote form comes back to (an /account path). */
  back: string;
}

/** A brief's view for a signed-in page or the private feed: no unsubscribe links, a listen link per timed item. */
export function webBriefView(brief: Brief, listenUrl: (insightId: number) => string): BriefView {
  return toBriefView(
    brief,
    {
      unsubscribeUrl: '',
      preferencesUrl: '',
      itemLinks: (item) => (item.timestampUrl ? { listenUrl: listenUrl(item.insightId) } : {}),
    },
    '',
  );
}

/** A brief like the email: the first insight as the headline card, then the rest, each with feedback. */
export function briefCards(brief: Brief, opts: BriefCardsOptions): SafeHtml {
  if (brief.items.length === 0) return html`<p class="card muted">This brief has no insights.</p>`;
  const view = webBriefView(brief, (id) => opts.listenUrl(id));
  return html`${view.items.map((item, i) => itemCard(item, brief.items[i]?.insightId ?? 0, opts))}`;
}

function itemCard(item: ItemView, insightId: number, opts: BriefCardsOptions): SafeHtml {
  const id = `i-${insightId}`;
  const shows = [item.podcastTitle, item.episodeTitle].filter(Boolean).join(' · ');
  const current = opts.votes.get(insightId);
  return html`<article class="card insight${item.number === 1 ? ' headline-card' : ''}" id="${id}" aria-labelledby="${id}-h">
<p class="eyebrow">${item.number === 1 ? 'Top insight · ' : ''}${shows}${item.fromShowNotes ? ' · from the show notes' : ''}</p>
<h2 id="${id}-h"><span class="number">${item.number}.</span> ${item.headline}</h2>
<p${item.number === 1 ? html` class="lede"` : ''}>${item.text}</p>
${
  item.quote
    ? html`<blockquote class="quote"><p>“${item.quote}”</p>
${saidBy(item) ? html`<footer>${saidBy(item)}</footer>` : ''}</blockquote>`
    : saidBy(item)
      ? // The text is the quote itself: only who said it and where to listen.
        html`<p class="said-by">${saidBy(item)}</p>`
      : ''
}
${
  item.alsoOn.length
    ? html`<p class="muted">Also said on ${item.alsoOn.map(
        (a, j) =>
          html`${j > 0 ? '; ' : ''}${a.url ? html`<a href="${a.url}" rel="noopener noreferrer">${a.podcastTitle}</a>` : a.podcastTitle}`,
      )}</p>`
    : ''
}
${item.reason ? html`<p class="why"><strong>Why you got this:</strong> ${item.reason}</p>` : ''}
<form class="votes" method="post" action="/account/feedback" aria-label="Feedback on insight ${item.number}">
<input type="hidden" name="insight" value="${insightId}"><input type="hidden" name="back" value="${opts.back}">
${(['up', 'down', 'more', 'less'] as const).map(
  (v) =>
    html`<button type="submit" name="vote" value="${v}" aria-pressed="${current === v ? 'true' : 'false'}">${VOTE_LABEL[v]}</button>`,
)}
</form>
${
  item.related.length
    ? html`<section class="related" aria-label="Related insights from other shows"><h3>Related from other shows</h3><ul>
${item.related.map(
  (
    r,
  ) => html`<li><p class="muted">${r.relation ? html`<span class="relation">${r.relation}</span> · ` : ''}${[r.podcastTitle, r.episodeTitle, r.fromShowNotes ? 'from the show notes' : ''].filter(Boolean).join(' · ')}</p>
<p><strong>${r.url ? html`<a href="${r.url}" rel="noopener noreferrer">${r.headline}</a>` : r.headline}</strong></p>
${r.text ? html`<p>${r.text}</p>` : ''}</li>`,
)}
</ul></section>`
    : ''
}
</article>`;
}

/** "— Speaker, Listen from 6:44": who said the quote and the link to hear it, or nothing. */
function saidBy(item: ItemView): SafeHtml | '' {
  if (!item.speaker && !item.time) return '';
  return html`${item.speaker ? html`— ${item.speaker}` : ''}${item.speaker && item.time ? ', ' : ''}${
    item.time
      ? item.timeUrl
        ? html`<a href="${item.timeUrl}" rel="noopener noreferrer">Listen from ${item.time}</a>`
        : html`at ${item.time}`
      : ''
  }`;
}

export function briefDateLabel(date: string): string {
  try {
    return formatBriefDate(date);
  } catch {
    return date;
  }
}
