// The escaping template lives in src/text/html.ts so emails (src/delivery) render through it too.
export { html, SafeHtml } from '../../text/html.js';
