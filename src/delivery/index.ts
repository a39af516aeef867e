export type { Mailer } from './mailer.js';
export { renderBriefEmail } from './render-brief-email.js';
export { verifyUserLink, userLinkUrl, type LinkPurpose } from './unsubscribe-link.js';
export { feedbackUrl, listenUrl, verifyFeedback, parseListenToken, isVote, type Vote } from './feedback-links.js';
export { createMailer } from './create-mailer.js';
export { sendBrief } from './send-brief.js';
export type { SendOutcome } from './send-brief.js';
export { deliveryClaimRules, DELIVERY_MAX_ATTEMPTS } from './retry-policy.js';
export { SendBreaker } from './send-breaker.js';
