import type { LandingData } from '../landing-data.js';
import { html, type SafeHtml } from './html.js';

const PROMISE_HEADLINE = 'Get your free personalized podcast brief.';
const PROMISE_LEDE = 'We scan new podcasts and send you the top 5 insights daily.';

/** What the sign-up form shows again after a problem: the visitor's own input. */
export interface SignupValues {
  email: string;
  interests: string;
  topics: string[];
  follows: number[];
  hour: number;
  timezone: string;
}

const TIME_ZONES = Intl.supportedValuesOf('timeZone');
const SHOWS_LISTED = 40;

const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

export function landingPage(
  data: LandingData,
  values: SignupValues,
  opts: { query: string; problems?: string[]; timezoneChosen?: boolean },
): SafeHtml {
  const q = opts.query.trim().toLowerCase();
  const matching = data.feeds.filter((f) => !q || f.label.toLowerCase().includes(q));
  const chosen = new Set(values.follows);
  // Shows already ticked stay in the form even when the search hides them.
  const shows = [
    ...data.feeds.filter((f) => chosen.has(f.id) && !matching.includes(f)),
    ...matching.slice(0, SHOWS_LISTED),
  ];
  const topics = [...new Set([...data.topics, ...values.topics])];
  const picked = new Set(values.topics);
  const zones = TIME_ZONES.includes(values.timezone) ? TIME_ZONES : [values.timezone, ...TIME_ZONES];
  return html`<section class="hero" aria-labelledby="promise">
<h1 id="promise">${PROMISE_HEADLINE}</h1>
<p class="lede">${PROMISE_LEDE}</p>
<a class="button" href="#signup">Get my free brief</a>
</section>
<div class="grid">
<section class="card sample" aria-labelledby="sample-title">
<h2 id="sample-title">A brief looks like this</h2>
<p class="muted">${
    data.sampleKind === 'built-in'
      ? 'An example of what lands in your inbox each morning: five insights like these.'
      : 'Insights from shows Podbrief scanned recently.'
  }</p>
<ol>
${data.sample.map((i) => html`<li><h3>${i.headline}</h3><p>${i.text}</p><p class="source">${i.source}</p></li>`)}
</ol>
</section>
<section class="card" id="signup" aria-labelledby="signup-title">
<h2 id="signup-title">Sign up: it is free</h2>
${opts.problems?.length ? html`<ul role="alert">${opts.problems.map((p) => html`<li>${p}</li>`)}</ul>` : ''}
<form id="show-search" method="get" action="/#signup"></form>
<form method="post" action="/signup" enctype="multipart/form-data">
<div class="field"><label for="email">Your email</label>
<input id="email" name="email" type="email" required maxlength="254" autocomplete="email" value="${values.email}">
<p class="hint">We send a confirmation link first. Nothing else until you click it.</p></div>
<div class="field"><label for="interests">What do you want to hear about?</label>
<input id="interests" name="interests" type="text" maxlength="1000" value="${values.interests}" placeholder="e.g. open-source AI, sleep science, urban housing" aria-describedby="interests-hint">
<p class="hint" id="interests-hint">Separate topics with commas.</p>
${
  topics.length
    ? html`<fieldset><legend>Or pick this week's topics</legend><div class="chips">
${topics.map((t) => html`<label><input type="checkbox" name="topic" value="${t}"${picked.has(t) ? html` checked` : ''}> ${t}</label>`)}
</div></fieldset>`
    : ''
}</div>
${
  data.feeds.length
    ? html`<fieldset><legend>Shows to follow <span class="muted">(optional)</span></legend>
<div class="search"><label class="hp" for="q">Search shows</label>
<input id="q" name="q" type="search" form="show-search" value="${opts.query}" placeholder="Search shows">
<button class="secondary" type="submit" form="show-search">Search</button></div>
<div class="shows">
${shows.length ? shows.map((f) => html`<label><input type="checkbox" name="follow" value="${f.id}"${chosen.has(f.id) ? html` checked` : ''}> ${f.label}</label>`) : html`<p class="muted">No show matches “${opts.query}”.</p>`}
</div></fieldset>`
    : ''
}
<div class="field"><label for="opml">Already follow podcasts elsewhere? <span class="muted">(optional)</span></label>
<input id="opml" name="opml" type="file" accept=".opml,.xml,text/x-opml,application/xml" aria-describedby="opml-hint">
<p class="hint" id="opml-hint">The OPML export of your podcast app: the shows Podbrief already scans are followed.</p></div>
<div class="row">
<div class="field"><label for="hour">Delivery time</label>
<select id="hour" name="hour">${Array.from({ length: 24 }, (_, h) => html`<option value="${h}"${h === values.hour ? html` selected` : ''}>${hourLabel(h)}</option>`)}</select></div>
<div class="field"><label for="timezone">Time zone</label>
<select id="timezone" name="timezone" data-browser-timezone${opts.timezoneChosen ? html` data-chosen="true"` : ''}>${zones.map((z) => html`<option${z === values.timezone ? html` selected` : ''}>${z}</option>`)}</select></div>
</div>
<div class="hp" aria-hidden="true"><label for="website">Leave this empty</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<button class="wide" type="submit">Send me the daily brief</button>
<p class="hint">Free. One email a day. Unsubscribe with one click.</p>
</form>
</section>
</div>`;
}

/** The page every sign-up gets, whether or not the address was already known. */
export function checkInboxPage(email: string, opml?: { followed: number; unknown: number }): SafeHtml {
  return html`<h1>Check your inbox</h1>
<p class="notice" role="status">If <strong>${email}</strong> can sign up, a confirmation link is on its way. It works for 48 hours.</p>
${
  opml
    ? html`<p>From your OPML file: ${opml.followed} show${opml.followed === 1 ? '' : 's'} Podbrief scans will be followed.${
        opml.unknown
          ? html` ${opml.unknown} more ${opml.unknown === 1 ? 'is' : 'are'} new to Podbrief: import the file again from your preferences once you have confirmed, and they are added.`
          : ''
      }</p>`
    : ''
}
<p>Click it to confirm, and your first brief arrives at the hour you chose. No email? Look in spam, or <a href="/#signup">try again</a> in a few minutes.</p>`;
}
