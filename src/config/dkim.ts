import { createPrivateKey } from 'node:crypto';
import type { Config } from './options.js';

type DkimConfig = Pick<Config, 'dkimDomain' | 'dkimSelector' | 'dkimPrivateKey'>;

/** The DKIM signing settings, or undefined when DKIM is not configured. */
export function dkimFromConfig(
  c: DkimConfig,
): { domainName: string; keySelector: string; privateKey: string } | undefined {
  if (c.dkimDomain === '' || c.dkimSelector === '' || c.dkimPrivateKey === '') return undefined;
  return { domainName: c.dkimDomain, keySelector: c.dkimSelector, privateKey: pem(c.dkimPrivateKey) };
}

// A PEM pasted into one env var often arrives with literal "\n" for its line breaks.
function pem(value: string): string {
  return value.includes('\n') ? value : value.replace(/\\n/g, '\n');
}

/** DKIM is all three settings or none, and the key must be a private key Node can read. */
export function dkimConfigProblems(c: DkimConfig): string[] {
  const set = [c.dkimDomain, c.dkimSelector, c.dkimPrivateKey].filter((v) => v !== '').length;
  if (set === 0) return [];
  if (set < 3) return ['DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY must be set together (or all left empty)'];
  const problems: string[] = [];
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,62}(\.[A-Za-z0-9][A-Za-z0-9-]{0,62})*$/.test(c.dkimSelector))
    problems.push(`DKIM_SELECTOR=${c.dkimSelector}: expected a DNS label such as pb2026`);
  if (!/^[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z0-9-]+$/.test(c.dkimDomain))
    problems.push(`DKIM_DOMAIN=${c.dkimDomain}: expected a domain such as podbrief.example`);
  try {
    const type = createPrivateKey(pem(c.dkimPrivateKey)).asymmetricKeyType;
    if (type !== 'rsa' && type !== 'ed25519')
      problems.push('DKIM_PRIVATE_KEY=<hidden>: expected an RSA (or Ed25519) private key');
  } catch {
    problems.push('DKIM_PRIVATE_KEY=<hidden>: not a PEM private key');
  }
  return problems;
}
