import { html, type SafeHtml } from './html.js';

export function layout(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Podbrief</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
  header a { color: inherit; text-decoration: none; font-weight: 700; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #e5e5e5; vertical-align: top; }
  .muted { color: #6e6e73; font-size: .9em; }
  button { font: inherit; padding: .5rem 1rem; border-radius: .4rem; border: 1px solid #888; background: #fff; cursor: pointer; }
</style>
</head>
<body>
<header><a href="/">Podbrief</a> <span class="muted">your top 5 podcast insights, daily</span></header>
<main>${body}</main>
</body>
</html>`.value;
}
