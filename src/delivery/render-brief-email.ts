import type { Brief } from '../model/brief.js';
import { AppError } from '../model/errors.js';
import type { User } from '../model/user.js';
import { renderBriefHtml } from './brief-html.js';
import { renderBriefText } from './brief-text.js';
import { toBriefView, type BriefView } from './brief-view.js';
import { assertRecipient, senderAddress } from '../model/email-address.js';
import type { RenderedEmail } from './rendered-email.js';
import { truncate } from './safe-text.js';
import { unsubscribeUrl, userLinkUrl } from './unsubscribe-link.js';
import { feedbackUrl, listenUrl } from './feedback-links.js';
import type { ItemLinks } from './brief-view.js';

export interface BriefEmailInput {
  brief: Brief;
  user: Pick<User, 'id' | 'email'>;
  /** Where the web server answers, e.g. `https://podbrief.example`. */
  publicUrl: string;
  /** Signs the unsubscribe link; never written into the message itself. */
  secret: string;
  from: string;
  /** Adds signed feedback links and routes timestamp links through the click-recording redirect. */
  interactive?: boolean;
}

const SUBJECT_HEADLINE_MAX = 80;
const PREVIEW_MAX = 140;

function subjectOf(view: BriefView): string {
  const first = view.items[0]?.headline ?? '';
  const base = `Your Podbrief for ${view.dateLabel}`;
  return first ? `${base}: ${truncate(first, SUBJECT_HEADLINE_MAX)}` : base;
}

function previewOf(view: BriefView): string {
  const [first, ...rest] = view.items;
  const others = rest.map((item) => item.headline).filter(Boolean);
  const line = others.length > 0 ? `Also today: ${others.join(' · ')}` : (first?.text ?? '');
  return truncate(line, PREVIEW_MAX);
}

export function renderBriefEmail(input: BriefEmailInput): RenderedEmail {
  const { brief, user } = input;
  if (brief.userId !== user.id) {
    throw new AppError('brief_user_mismatch', `Brief ${brief.id} belongs to user ${brief.userId}, not ${user.id}`);
  }
  assertRecipient(user.email);
  senderAddress(input.from);

  const unsubscribe = unsubscribeUrl(input.publicUrl, user.id, input.secret);
  const view = toBriefView(
    brief,
    {
      unsubscribeUrl: unsubscribe,
      preferencesUrl: userLinkUrl('preferences', input.publicUrl, input.user.id, input.secret),
      ...(input.interactive ? { itemLinks: interactiveLinks(input) } : {}),
    },
    user.email,
  );
  const subject = subjectOf(view);
  const preview = previewOf(view);

  return {
    to: user.email,
    from: input.from,
    subject,
    preview,
    html: renderBriefHtml(view, subject, preview),
    text: renderBriefText(view),
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'X-Podbrief-Brief-Id': String(brief.id),
    },
    brief: { id: brief.id, userId: user.id, date: brief.date },
  };
}

function interactiveLinks(input: BriefEmailInput): ItemLinks {
  const { publicUrl, secret } = input;
  const userId = input.user.id;
  return (item) => ({
    feedback: {
      up: feedbackUrl(publicUrl, userId, item.insightId, 'up', secret),
      down: feedbackUrl(publicUrl, userId, item.insightId, 'down', secret),
      more: feedbackUrl(publicUrl, userId, item.insightId, 'more', secret),
      less: feedbackUrl(publicUrl, userId, item.insightId, 'less', secret),
    },
    ...(item.timestampUrl ? { listenUrl: listenUrl(publicUrl, userId, item.insightId, secret) } : {}),
  });
}
