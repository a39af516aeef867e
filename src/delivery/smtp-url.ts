import { AppError } from '../model/errors.js';

export interface SmtpEndpoint {
  host: string;
  /** From the URL, else the standard port: 465 for smtps (TLS from the start), 587 for smtp (submission). */
  port: number;
  /** true for smtps:// (implicit TLS); smtp:// upgrades with STARTTLS when offered. */
  secure: boolean;
  auth?: { user: string; pass: string };
  /** Connections are kept and reused (the default); `pool=false`: a new connection per message. */
  pool: boolean;
  requireTLS: boolean;
  /** `host:port` for messages and logs: never the credentials. */
  label: string;
}

const FLAGS = ['pool', 'requireTLS'] as const;

function flag(params: URLSearchParams, name: (typeof FLAGS)[number], fallback = false): boolean {
  const value = params.get(name);
  if (value === null) return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new AppError('invalid_smtp_url', `SMTP_URL option ${name} must be true or false`);
}

/** Parses `smtp[s]://user:pass@host:port?pool=false&requireTLS=true`. Errors never echo the URL (it holds a password). */
export function parseSmtpUrl(smtpUrl: string): SmtpEndpoint {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new AppError('invalid_smtp_url', 'SMTP_URL is not a valid URL');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new AppError('invalid_smtp_url', 'SMTP_URL must start with smtp:// or smtps://');
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new AppError('invalid_smtp_url', 'SMTP_URL has no host');
  for (const key of url.searchParams.keys()) {
    if (!(FLAGS as readonly string[]).includes(key)) {
      throw new AppError('invalid_smtp_url', `SMTP_URL has an unknown option "${key}"`);
    }
  }
  const secure = url.protocol === 'smtps:';
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  return {
    host,
    port,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    pool: flag(url.searchParams, 'pool', true),
    requireTLS: flag(url.searchParams, 'requireTLS'),
    label: `${url.hostname}:${port}`,
  };
}
