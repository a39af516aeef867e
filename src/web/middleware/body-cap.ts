import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** Every form of the site fits in this; anything bigger is refused before it is buffered. */
export const FORM_MAX_BYTES = 64 * 1024;
/** An OPML upload (a list of shows) may be larger. */
const UPLOAD_MAX_BYTES = 1024 * 1024;

/**
 * Paths that take an upload of up to UPLOAD_MAX_BYTES; every other request body is capped at
 * FORM_MAX_BYTES. A declared Content-Length over the cap is refused at once (413); a chunked body
 * is counted as it streams in and refused as soon as it passes the cap.
 */
const UPLOAD_PATHS: ReadonlySet<string> = new Set(['/account/opml', '/signup']);

export function bodyCap(): MiddlewareHandler {
  const tooLarge: Parameters<typeof bodyLimit>[0]['onError'] = (c) => {
    // The rest of the body is not read: close the connection instead of draining it.
    c.header('Connection', 'close');
    return c.text('Payload too large', 413);
  };
  const form = bodyLimit({ maxSize: FORM_MAX_BYTES, onError: tooLarge });
  const upload = bodyLimit({ maxSize: UPLOAD_MAX_BYTES, onError: tooLarge });
  return (c, next) => (UPLOAD_PATHS.has(c.req.path) ? upload(c, next) : form(c, next));
}
