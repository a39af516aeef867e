import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { ACCOUNT_CSS } from './views/app-css.js';

/**
 * The site's only stylesheet and script, served from /assets/ so the Content-Security-Policy needs
 * no inline style or script. The file names carry a hash of the content: cached for a year.
 */
const SITE_CSS = `
:root { --ink: #16161d; --muted: #5f6170; --line: #e4e4ec; --bg: #f7f7fb; --card: #fff;
  --accent: #4b3fd6; --accent-ink: #fff; --accent-soft: #ecebff; --danger: #b3261e; --ok: #1b6e3a; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 17px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible {
  outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--card); padding: .5rem 1rem; }
.skip:focus { left: 1rem; z-index: 10; }
.site { display: flex; align-items: center; justify-content: space-between; gap: 1rem; max-width: 68rem; margin: 0 auto; padding: 1rem 1.25rem; }
.brand { color: var(--ink); text-decoration: none; font-weight: 800; font-size: 1.2rem; letter-spacing: -.01em; }
.brand span { color: var(--accent); }
.site nav { display: flex; align-items: center; gap: .75rem; font-size: .95rem; min-width: 0; }
.site nav form { margin: 0; }
.site .who { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
main { max-width: 68rem; margin: 0 auto; padding: 0 1.25rem 3rem; }
main.narrow, body.narrow > .site, body.narrow > footer { max-width: 42.5rem; }
h1 { font-size: clamp(1.9rem, 5vw, 3rem); line-height: 1.1; letter-spacing: -.02em; margin: .5rem 0 1rem; overflow-wrap: break-word; }
main.narrow h1 { font-size: clamp(1.7rem, 4.5vw, 2.3rem); }
h2 { font-size: 1.35rem; margin: 0 0 .75rem; overflow-wrap: break-word; }
.hero { padding: 2.5rem 0 2rem; max-width: 44rem; }
.lede { font-size: 1.2rem; color: var(--muted); margin: 0 0 1.5rem; }
.grid { display: grid; gap: 1.5rem; grid-template-columns: 1fr; align-items: start; }
.grid > * { min-width: 0; }
@media (min-width: 860px) { .grid { grid-template-columns: 1.05fr 1fr; } }
/* One column: the form first, the sample after (else the form is three phone screens down). */
@media (max-width: 859.98px) { .grid > #signup { order: -1; } }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 14px; padding: 1.5rem; box-shadow: 0 1px 2px rgba(20,20,40,.04), 0 8px 24px rgba(20,20,40,.05); }
.sample ol { list-style: none; counter-reset: item; margin: 0; padding: 0; }
.sample li { counter-increment: item; padding: .9rem 0 .9rem 2.4rem; border-top: 1px solid var(--line); position: relative; }
.sample li::before { content: counter(item); position: absolute; left: 0; top: .95rem; width: 1.7rem; height: 1.7rem; border-radius: 50%;
  background: var(--accent-soft); color: var(--accent); font-weight: 700; font-size: .9rem; display: grid; place-items: center; }
.sample h3 { font-size: 1.02rem; margin: 0 0 .25rem; }
.sample p { margin: 0 0 .3rem; }
.source { color: var(--muted); font-size: .88rem; }
.muted { color: var(--muted); font-size: .92rem; }
label { font-weight: 600; display: block; margin-bottom: .3rem; }
.field { margin: 0 0 1.1rem; }
.hint { color: var(--muted); font-size: .88rem; font-weight: 400; margin: .2rem 0 0; }
input[type=email], input[type=text], input[type=search], input[type=number], input:not([type]), select, textarea { width: 100%;
  max-width: 100%; min-height: 3rem; font: inherit; padding: .6rem .7rem; border: 1px solid #c9c9d6; border-radius: 8px; background: #fff; color: var(--ink); }
input[type=checkbox] { accent-color: var(--accent); width: 1.05rem; height: 1.05rem; flex: none; }
select[multiple] { min-height: 8rem; }
fieldset { border: 1px solid var(--line); border-radius: 10px; padding: .75rem 1rem 1rem; margin: 0 0 1.1rem; }
legend { font-weight: 600; padding: 0 .3rem; }
.chips { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .4rem; }
.chips label { font-weight: 500; display: inline-flex; align-items: center; gap: .35rem; border: 1px solid var(--line);
  border-radius: 999px; padding: .3rem .75rem; margin: 0; background: var(--bg); cursor: pointer; }
.shows { max-height: 14rem; overflow: auto; margin-top: .5rem; }
.shows label { font-weight: 500; display: flex; gap: .5rem; align-items: baseline; margin: .25rem 0; }
.row { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .75rem; }
.search { display: flex; gap: .5rem; }
.search input { flex: 1 1 auto; min-width: 0; }
/* Buttons: filled for the one main action of a form, outlined (.secondary) for the others, quiet for
   undoing (unfollow, unsubscribe), .small pills inside lists; danger for what cannot be undone. */
button, .button { font: inherit; font-weight: 650; line-height: 1.3; display: inline-block; text-decoration: none; cursor: pointer;
  border-radius: 10px; padding: .7rem 1.2rem; border: 1px solid var(--accent); background: var(--accent); color: var(--accent-ink);
  white-space: nowrap; transition: background-color .12s, border-color .12s, color .12s; }
button:hover, .button:hover { background: #3b30b8; border-color: #3b30b8; }
button.secondary, .button.secondary { background: #fff; color: var(--accent); border-color: #bdb8f3; }
button.secondary:hover, .button.secondary:hover { background: var(--accent-soft); border-color: var(--accent); }
button.quiet, .button.quiet { background: transparent; color: var(--muted); border-color: #d4d4de; font-weight: 550; }
button.quiet:hover, .button.quiet:hover { color: var(--ink); border-color: #9c9cab; background: #fff; }
button.small, .button.small { font-size: .88rem; padding: .35rem .85rem; border-radius: 999px; }
button.link { background: none; border: 0; padding: 0; color: var(--accent); font-weight: 500; text-decoration: underline; }
button.wide { width: 100%; }
.hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
[role=alert] { color: var(--danger); }
[role=status] { color: var(--ok); }
.notice { border-left: 4px solid var(--accent); background: var(--accent-soft); padding: .75rem 1rem; border-radius: 8px; }
table { border-collapse: collapse; width: 100%; background: var(--card); }
th, td { text-align: left; padding: .4rem .55rem; border-bottom: 1px solid var(--line); vertical-align: top; }
body > footer { max-width: 68rem; margin: 0 auto; padding: 1.5rem 1.25rem 2.5rem; color: var(--muted); font-size: .88rem; }
`;

const CSS = SITE_CSS + ACCOUNT_CSS;

// Prefills the sign-up form's time zone from the browser; without JavaScript the select keeps its default.
const TIMEZONE_JS = `(function () {
  var select = document.querySelector('select[data-browser-timezone]');
  if (!select || select.dataset.chosen === 'true') return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (var i = 0; i < select.options.length; i++) {
    if (select.options[i].value === zone) { select.value = zone; break; }
  }
})();
`;

const version = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

/** Paths of the assets, for the layout's <link> and <script>. */
export const ASSETS = {
  css: `/assets/app.${version(CSS)}.css`,
  timezoneJs: `/assets/timezone.${version(TIMEZONE_JS)}.js`,
};

export function assetRoutes(web: Hono): void {
  const serve = (path: string, body: string, type: string) =>
    web.get(path, (c) => {
      c.header('Content-Type', type);
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      return c.body(body);
    });
  serve(ASSETS.css, CSS, 'text/css; charset=utf-8');
  serve(ASSETS.timezoneJs, TIMEZONE_JS, 'text/javascript; charset=utf-8');
}
