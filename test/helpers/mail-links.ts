import type { ReceivedMail, SmtpSink } from './smtp-sink.js';

/** The newest message the sink received for `address` (case-insensitive); throws when there is none. */
export function latestMail(sink: SmtpSink, address: string): ReceivedMail {
  const wanted = address.toLowerCase();
  const mail = sink.messages.findLast((m) => m.to.some((to) => to.toLowerCase() === wanted));
  if (!mail) throw new Error(`no mail for ${address} among ${sink.messages.length} received`);
  return mail;
}

/** Every link of a message: the HTML part's hrefs (entities decoded), then URLs in the text part. */
function mailLinks(mail: ReceivedMail): string[] {
  const html = typeof mail.parsed.html === 'string' ? mail.parsed.html : '';
  const hrefs = [...html.matchAll(/\bhref\s*=\s*"([^"]*)"/gi)].map((m) => decodeEntities(m[1]!));
  const text = [...(mail.parsed.text ?? '').matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]);
  return [...new Set([...hrefs, ...text])];
}

/** The first link of a message that matches `pattern`; throws, listing the links, when none does. */
export function linkIn(mail: ReceivedMail, pattern: RegExp): string {
  const links = mailLinks(mail);
  const found = links.find((l) => pattern.test(l));
  if (!found) throw new Error(`no link matching ${pattern} in "${mail.parsed.subject}":\n${links.join('\n')}`);
  return found;
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : "'",
  );
}
