import { describe, expect, it } from 'vitest';
import { timeoutsAndAgent } from './fetch-settings.js';
import { loadConfig } from './load-config.js';

describe('timeoutsAndAgent: the User-Agent', () => {
  const base = { fetchTimeoutSeconds: 30, fetchConnectTimeoutSeconds: 10, userAgent: 'Podbrief/0.1' };

  it('is USER_AGENT alone without a contact', () => {
    expect(timeoutsAndAgent({ ...base, contactUrl: '' }).userAgent).toBe('Podbrief/0.1');
  });

  it('appends CONTACT_URL as (+url)', () => {
    expect(timeoutsAndAgent({ ...base, contactUrl: 'https://pods.example.org/about' }).userAgent).toBe(
      'Podbrief/0.1 (+https://pods.example.org/about)',
    );
    expect(timeoutsAndAgent({ ...base, contactUrl: 'mailto:ops@example.org' }).userAgent).toBe(
      'Podbrief/0.1 (+mailto:ops@example.org)',
    );
  });

  it('takes CONTACT_URL from the environment, refuses what is not a URL, and keeps line breaks out', () => {
    const config = loadConfig({ env: { CONTACT_URL: 'https://pods.example.org/' } });
    expect(timeoutsAndAgent(config).userAgent).toMatch(/ \(\+https:\/\/pods\.example\.org\/\)$/);
    expect(() => loadConfig({ env: { CONTACT_URL: 'call me maybe' } })).toThrow(/CONTACT_URL/);
    const sneaky = timeoutsAndAgent({ ...base, contactUrl: 'https://pods.example.org/\r\nX-Evil: 1' }).userAgent;
    expect(sneaky).not.toMatch(/[\r\n]/);
  });
});
