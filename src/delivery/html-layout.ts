import { html, raw, type SafeHtml } from '../text/html.js';

// Fixed styles of ours, emitted as written (the font list's quotes would otherwise become &#39;).
const FONT = raw("font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;");
export const MUTED = raw('color:#6b7280;');
const LINK = 'color:#4338ca;text-decoration:underline;';

/** `<a>` for a URL the caller has already checked to be http(s); plain text when there is none. */
export function link(url: string | undefined, label: string, style = LINK): SafeHtml {
  return url ? html`<a href="${url}" style="${style}" target="_blank">${label}</a>` : html`${label}`;
}

export interface LayoutParts {
  title: string;
  preview: string;
  heading: string;
  body: SafeHtml;
  footer: SafeHtml;
}

// Invisible padding after the preview text, so clients do not fill the preview with the body.
const PREVIEW_PADDING = raw('&#8199;&#847; '.repeat(20));

// Table layout with inline styles only: Outlook and Gmail drop <style> blocks, flex and grid.
export function htmlLayout(parts: LayoutParts): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>${parts.title}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f4f5;">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;">${parts.preview}${PREVIEW_PADDING}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f4f5;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;border-radius:8px;${FONT}color:#1f2937;">
<tr><td style="padding:28px 32px 4px 32px;">
<p style="margin:0;font-size:13px;letter-spacing:0.08em;text-transform:uppercase;${MUTED}">Podbrief</p>
<h1 style="margin:4px 0 0 0;font-size:24px;line-height:1.3;color:#111827;">${parts.heading}</h1>
</td></tr>
${parts.body}
<tr><td style="padding:24px 32px 28px 32px;border-top:1px solid #e5e7eb;font-size:13px;line-height:1.5;${MUTED}">
${parts.footer}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`.value;
}
