import type { RenderedEmail } from '../delivery/index.js';
import { html, type SafeHtml } from './views/html.js';

type Kind = 'confirm' | 'resubscribe' | 'sign-in' | 'already-subscribed';

const COPY: Record<Kind, { subject: string; heading: string; lead: string; button: string; expires: string }> = {
  confirm: {
    subject: 'Confirm your Podbrief subscription',
    heading: 'One click to get your daily brief',
    lead: 'Someone (hopefully you) asked for a free daily Podbrief: the top 5 insights from new podcasts, picked for you. Confirm it is you and your first brief comes at your chosen hour.',
    button: 'Confirm my subscription',
    expires: 'This link works once and expires in 48 hours.',
  },
  resubscribe: {
    subject: 'Confirm to get Podbrief again',
    heading: 'Welcome back?',
    lead: 'Someone asked to send this address the daily Podbrief again. Confirm it is you to start the briefs again.',
    button: 'Start my briefs again',
    expires: 'This link works once and expires in 48 hours.',
  },
  'sign-in': {
    subject: 'Your Podbrief sign-in link',
    heading: 'Sign in to Podbrief',
    lead: 'Use this link to sign in and change your brief: topics, shows, delivery time.',
    button: 'Sign in',
    expires: 'This link expires in 20 minutes.',
  },
  'already-subscribed': {
    subject: 'You already get Podbrief',
    heading: 'You are already subscribed',
    lead: 'Someone asked to sign this address up for Podbrief, and it already gets the daily brief. To change your topics, shows or delivery time, sign in.',
    button: 'Sign in',
    expires: 'This link expires in 20 minutes.',
  },
};

/**
 * The emails of the web sign-up and sign-in: one link each, text and HTML, nothing tracked.
 * If you did not ask for it, ignoring it is enough: that line is in every one of them.
 */
export function accountEmail(kind: Kind, to: string, from: string, url: string): RenderedEmail {
  const copy = COPY[kind];
  const ignore = 'If you did not ask for this, ignore this email: nothing happens without the click.';
  return {
    to,
    from,
    subject: copy.subject,
    preview: copy.lead,
    text: `${copy.heading}\n\n${copy.lead}\n\n${copy.button}: ${url}\n\n${copy.expires}\n${ignore}\n\nPodbrief\n`,
    html: page(
      copy.subject,
      copy.lead,
      html`<h1 style="margin:0 0 12px;font-size:22px;line-height:1.3;color:#111827;">${copy.heading}</h1>
<p style="margin:0 0 20px;">${copy.lead}</p>
<p style="margin:0 0 24px;"><a href="${url}" style="display:inline-block;background:#4b3fd6;color:#ffffff;text-decoration:none;font-weight:600;padding:12px 20px;border-radius:8px;">${copy.button}</a></p>
<p style="margin:0 0 8px;font-size:13px;color:#5f6170;">Or paste this link into your browser:<br><span style="word-break:break-all;">${url}</span></p>
<p style="margin:0;font-size:13px;color:#5f6170;">${copy.expires} ${ignore}</p>`,
    ),
    headers: {},
  };
}

function page(title: string, preview: string, body: SafeHtml): string {
  return html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;">
<div style="display:none;max-height:0;overflow:hidden;">${preview}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f5;"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:560px;background:#ffffff;border-radius:10px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2937;font-size:16px;line-height:1.5;">
<tr><td style="padding:28px 32px;">
<p style="margin:0 0 8px;font-size:13px;letter-spacing:0.08em;text-transform:uppercase;color:#5f6170;">Podbrief</p>
${body}
</td></tr></table></td></tr></table></body></html>`.value;
}
