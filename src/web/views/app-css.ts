/**
 * The one stylesheet, served from /assets/app.css: pages carry no inline style (a strict CSP
 * forbids it) and no script. Mobile first; cards from 390 px up.
 */
export const APP_CSS = `
:root {
  --bg: #f5f6fa; --card: #fff; --ink: #1d1d1f; --muted: #5f6368; --line: #e3e5ea;
  --accent: #3b47c4; --accent-soft: #eef0fd; --danger: #b42318; --danger-soft: #fdecea; --ok: #146c2e;
  --radius: 14px; --space: 1rem;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: var(--ink); background: var(--bg); }
body > header, body > main, body > footer { max-width: 46rem; margin: 0 auto; padding: 0 var(--space); }
body > header { padding-top: 1.25rem; padding-bottom: .5rem; display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem .75rem; }
body > header a { color: inherit; text-decoration: none; font-weight: 700; font-size: 1.15rem; }
main { padding-bottom: 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 1rem 0 .75rem; }
h2 { font-size: 1.2rem; line-height: 1.3; margin: 0 0 .5rem; }
h3 { font-size: 1rem; margin: 1rem 0 .35rem; }
p { margin: 0 0 .75rem; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible {
  outline: 3px solid var(--accent); outline-offset: 2px;
}
code { font-size: .9em; background: #eceef3; padding: .05rem .3rem; border-radius: 4px; word-break: break-all; }
table { border-collapse: collapse; width: 100%; background: var(--card); }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.muted { color: var(--muted); font-size: .9em; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

button, .button { font: inherit; font-size: .95rem; padding: .5rem 1rem; border-radius: 999px; border: 1px solid #c5c8d0; background: #fff; color: var(--ink); cursor: pointer; text-decoration: none; display: inline-block; line-height: 1.3; }
button:hover, .button:hover { border-color: var(--accent); }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
button[aria-pressed="true"] { background: var(--accent-soft); border-color: var(--accent); font-weight: 600; }

nav.account { margin: .25rem 0 1rem; }
nav.account ul { list-style: none; display: flex; flex-wrap: wrap; gap: .5rem; margin: 0; padding: 0; }
nav.account a { display: inline-block; padding: .35rem .9rem; border-radius: 999px; text-decoration: none; color: var(--ink); background: var(--card); border: 1px solid var(--line); }
nav.account a[aria-current="page"] { background: var(--ink); color: #fff; border-color: var(--ink); }

.card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 1.1rem 1.2rem; margin: 0 0 var(--space); box-shadow: 0 1px 2px rgba(16, 24, 40, .04); }
.card > :last-child { margin-bottom: 0; }
.eyebrow { font-size: .8rem; letter-spacing: .04em; text-transform: uppercase; color: var(--muted); margin-bottom: .35rem; }
.lede { font-size: 1.05rem; }
.insight.headline-card { border-color: #c9cdf6; }
.insight .number { color: var(--accent); margin-right: .25rem; }
blockquote.quote { margin: 0 0 .75rem; padding: .25rem 0 .25rem .9rem; border-left: 3px solid #c7d2fe; }
blockquote.quote p { font-style: italic; margin-bottom: .25rem; }
blockquote.quote footer { font-size: .9rem; color: var(--muted); }
.why { font-size: .9rem; color: var(--muted); }
.votes { display: flex; flex-wrap: wrap; gap: .4rem; margin: .75rem 0 0; }
.votes button { font-size: .85rem; padding: .35rem .75rem; }
.related { margin-top: 1rem; border-top: 1px solid var(--line); padding-top: .5rem; }
.related ul { list-style: none; margin: 0; padding: 0; }
.related li { padding: .5rem 0; border-bottom: 1px solid #f0f1f4; }
.related li:last-child { border-bottom: 0; }
.related .relation { font-weight: 600; text-transform: capitalize; }

.notice { background: #e8f5ec; color: var(--ok); border: 1px solid #b7dfc3; border-radius: 10px; padding: .6rem .9rem; }
.problems { background: var(--danger-soft); color: var(--danger); border: 1px solid #f5c2bd; border-radius: 10px; padding: .6rem .9rem .6rem 2rem; }
.problems li { margin: .15rem 0; }

form.stack label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
form.stack .hint { font-weight: 400; color: var(--muted); font-size: .85rem; display: block; }
input[type="text"], input[type="search"], input[type="email"], input:not([type]), select, textarea {
  font: inherit; width: 100%; max-width: 100%; padding: .5rem .65rem; border: 1px solid #c5c8d0; border-radius: 10px; background: #fff; color: var(--ink);
}
input[type="file"] { font: inherit; max-width: 100%; }
textarea { min-height: 6rem; resize: vertical; }
.row { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; }
.row > * { flex: 1 1 12rem; }
.check { display: flex; gap: .5rem; align-items: flex-start; font-weight: 400 !important; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: 1rem; }
.inline { display: inline; }

ul.plain { list-style: none; margin: 0; padding: 0; }
ul.plain > li { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem; padding: .55rem 0; border-bottom: 1px solid var(--line); }
ul.plain > li:last-child { border-bottom: 0; }
ul.plain .title { flex: 1 1 14rem; overflow-wrap: anywhere; }

ol.archive { list-style: none; margin: 0; padding: 0; }
.archive h2 a { color: inherit; text-decoration: none; }
.archive h2 a:hover { text-decoration: underline; }
.archive details summary { cursor: pointer; color: var(--accent); font-size: .95rem; }
.archive ol { margin: .5rem 0; padding-left: 1.25rem; }
.pager { display: flex; justify-content: space-between; gap: .5rem; margin-top: 1rem; }
.secret { display: block; padding: .6rem; background: #f3f4f8; border-radius: 8px; word-break: break-all; }
.danger-zone { border-color: #f5c2bd; }
.danger-zone h2 { color: var(--danger); }

@media (min-width: 40rem) {
  h1 { font-size: 1.9rem; }
  .card { padding: 1.4rem 1.6rem; }
}
`;
