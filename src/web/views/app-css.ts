/**
 * The account pages' components (brief cards, votes, related lists, archive, preferences forms),
 * served with the site stylesheet in assets.ts; base type, buttons, inputs and cards are the site's.
 */
export const ACCOUNT_CSS = `
:root { --radius: 14px; --space: 1rem; --danger-soft: #fdecea; }
.card { margin: 0 0 var(--space); }
code { font-size: .9em; background: #eceef3; padding: .05rem .3rem; border-radius: 4px; word-break: break-all; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
button.danger:hover { background: #8f1e18; border-color: #8f1e18; }

nav.account { margin: .25rem 0 1.25rem; }
nav.account ul { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem; margin: 0; padding: 0; }
nav.account a { display: inline-block; padding: .3rem .85rem; border-radius: 999px; font-size: .92rem; text-decoration: none; color: var(--ink); background: var(--card); border: 1px solid var(--line); }
nav.account a:hover { border-color: #bdb8f3; }
nav.account a[aria-current="page"] { background: var(--ink); color: #fff; border-color: var(--ink); }
h1 .muted { font-weight: 500; letter-spacing: 0; white-space: nowrap; }

.card > :first-child { margin-top: 0; }
.card > :last-child { margin-bottom: 0; }
.eyebrow { font-size: .8rem; letter-spacing: .04em; text-transform: uppercase; color: var(--muted); margin-bottom: .35rem; }
.insight.headline-card { border-color: #c9cdf6; }
.insight h2 { font-size: 1.2rem; line-height: 1.3; }
.insight .number { color: var(--accent); margin-right: .25rem; }
.insight p { margin: 0 0 .75rem; }
.insight .lede { color: var(--ink); font-size: 1.08rem; margin: 0 0 .75rem; }
blockquote.quote { margin: 0 0 .75rem; padding: .1rem 0 .1rem .9rem; border-left: 3px solid #c7d2fe; }
blockquote.quote p { font-style: italic; margin: 0 0 .3rem; }
blockquote.quote footer, .insight .said-by { font-size: .9rem; color: var(--muted); }
.why { font-size: .9rem; color: var(--muted); }
/* Feedback: small outlined pills; the vote given is filled with the accent tint. */
.votes { display: flex; flex-wrap: wrap; gap: .4rem; margin: .75rem 0 0; }
.votes button { font-size: .85rem; font-weight: 500; padding: .3rem .8rem; border-radius: 999px; background: #fff; color: var(--ink); border-color: #d4d4de; }
.votes button:hover { background: var(--accent-soft); border-color: #bdb8f3; color: var(--accent); }
.votes button[aria-pressed="true"] { background: var(--accent-soft); border-color: var(--accent); color: var(--accent); font-weight: 700; }
.related { margin-top: 1.25rem; border-top: 1px solid var(--line); padding-top: .75rem; }
.insight .related h3 { font-size: .8rem; letter-spacing: .04em; text-transform: uppercase; color: var(--muted); margin: 0 0 .25rem; }
.related ul { list-style: none; margin: 0; padding: 0; }
.related li { padding: .6rem 0; border-bottom: 1px solid #f0f1f4; }
.related li p { margin: 0 0 .2rem; }
.related li a { text-decoration: none; }
.related li a:hover { text-decoration: underline; }
.related li:last-child { border-bottom: 0; }
.related .relation { font-weight: 600; text-transform: capitalize; }

.problems { background: var(--danger-soft); color: var(--danger); border: 1px solid #f5c2bd; border-radius: 10px; padding: .6rem .9rem .6rem 2rem; }
.problems li { margin: .15rem 0; }

form.stack label { display: block; font-weight: 600; margin: .9rem 0 .3rem; }
form.stack > label:first-of-type { margin-top: 0; }
.card h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.upload { display: flex; flex-wrap: wrap; gap: .5rem .75rem; align-items: center; }
.upload label { margin: 0; }
form.stack .hint { font-weight: 400; color: var(--muted); font-size: .85rem; display: block; }
input[type="file"] { font: inherit; font-size: .95rem; max-width: 100%; color: var(--muted); }
input[type="file"]::file-selector-button { font: inherit; font-weight: 600; color: var(--ink); background: #fff; border: 1px solid #d4d4de;
  border-radius: 999px; padding: .35rem .85rem; margin-right: .6rem; cursor: pointer; }
textarea { min-height: 6rem; resize: vertical; }
form.stack label.check, .check { display: flex; gap: .5rem; align-items: center; font-weight: 400; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: 1rem; }
.inline { display: inline; }

ul.plain { list-style: none; margin: 0; padding: 0; }
ul.plain > li { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem; padding: .55rem 0; border-bottom: 1px solid var(--line); }
ul.plain > li:last-child { border-bottom: 0; }
ul.plain .title { flex: 1 1 8rem; overflow-wrap: anywhere; }

ol.archive { list-style: none; margin: 0; padding: 0; }
.archive h2 a { color: inherit; text-decoration: none; }
.archive h2 a:hover { text-decoration: underline; }
.archive details summary { cursor: pointer; color: var(--accent); font-size: .95rem; }
.archive ol { margin: .5rem 0; padding-left: 1.25rem; }
.archive ol li { margin: .3rem 0; }
.vote-tag { display: inline-block; margin-left: .35rem; padding: 0 .5rem; border-radius: 999px; font-size: .78rem; font-weight: 650;
  background: var(--accent-soft); color: var(--accent); white-space: nowrap; }
.pager { display: flex; justify-content: space-between; gap: .5rem; margin-top: 1rem; }
.secret { display: block; padding: .6rem; background: #f3f4f8; border-radius: 8px; word-break: break-all; }
.danger-zone { border-color: #f5c2bd; }
.danger-zone h2 { color: var(--danger); }
`;
