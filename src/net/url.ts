import { FetchError } from './errors.js';

const MAX_URL_LENGTH = 8192;
const SHOWN_URL_LENGTH = 300;

/** A URL safe to print: user:password removed, length bounded. Works on strings that do not parse. */
export function redactUrl(raw: string | URL): string {
  let text: string;
  if (raw instanceof URL) {
    const copy = new URL(raw.href);
    copy.username = '';
    copy.password = '';
    text = copy.href;
  } else {
    text = raw.replace(/\/\/[^/?#]*@/, '//');
  }
  text = text.replace(/[\r\n\t]/g, ' ');
  return text.length > SHOWN_URL_LENGTH ? `${text.slice(0, SHOWN_URL_LENGTH)}…` : text;
}

/** Parses an absolute http(s) URL or throws invalid_url / unsupported_scheme. */
export function parseHttpUrl(raw: string, base?: string | URL): URL {
  if (raw.length > MAX_URL_LENGTH) {
    throw new FetchError('invalid_url', `URL is longer than ${MAX_URL_LENGTH} characters`, {
      url: redactUrl(raw),
    });
  }
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch (cause) {
    throw new FetchError('invalid_url', 'not a valid absolute URL', { url: redactUrl(raw), cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('unsupported_scheme', `scheme ${url.protocol} is not allowed (only http and https)`, {
      url: redactUrl(url),
    });
  }
  if (!url.hostname) {
    throw new FetchError('invalid_url', 'URL has no host', { url: redactUrl(url) });
  }
  return url;
}
