import { ASSETS } from '../assets.js';
import { html, type SafeHtml } from './html.js';

export interface LayoutOptions {
  /** The signed-in subscriber, for the header. */
  user?: { email: string };
  /** Full width (the landing page); other pages are a narrow column. */
  wide?: boolean;
  /** Also load the script that prefills a time zone select from the browser. */
  timezoneScript?: boolean;
}

export function layout(title: string, body: SafeHtml, opts: LayoutOptions = {}): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Podbrief</title>
<meta name="description" content="Get your free personalized podcast brief. We scan new podcasts and send you the top 5 insights daily.">
<link rel="stylesheet" href="${ASSETS.css}">
${opts.timezoneScript ? html`<script src="${ASSETS.timezoneJs}" defer></script>` : ''}
</head>
<body${opts.wide ? '' : html` class="narrow"`}>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<a class="brand" href="/">Pod<span>brief</span></a>
<nav aria-label="Account">
${
  opts.user
    ? html`<span class="muted who">${opts.user.email}</span>
<form method="post" action="/logout"><button class="link" type="submit">Sign out</button></form>`
    : html`<a href="/login">Sign in</a>`
}
</nav>
</header>
<main id="main"${opts.wide ? '' : html` class="narrow"`}>${body}</main>
<footer>Podbrief · the top 5 podcast insights, daily.</footer>
</body>
</html>`.value;
}
