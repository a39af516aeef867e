import { html, type SafeHtml } from './html.js';

export function layout(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Podbrief</title>
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<header><a href="/">Podbrief</a> <span class="muted">your top 5 podcast insights, daily</span></header>
<main>${body}</main>
</body>
</html>`.value;
}
