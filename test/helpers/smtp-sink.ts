import { once } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  parsed: ParsedMail;
  /** When the server accepted it (Date.now()). */
  acceptedAt: number;
}

export interface SmtpSink {
  url: string;
  messages: ReceivedMail[];
  /** Answers the next `count` messages with a temporary failure (451), as a mail server under load does. */
  deferNext(count: number): void;
  /** Answers RCPT TO for this address with `code` (e.g. 550 for a mailbox that does not exist, 451 to defer). */
  rejectRecipient(address: string, code: number, message?: string): void;
  /** Accepts this address again after rejectRecipient. */
  acceptRecipient(address: string): void;
  /** Takes this long to accept each message (after its data arrived), as a slow relay does. */
  setDelay(ms: number): void;
  /** Holds the answer to a message for this address until the returned function is called. */
  holdRecipient(address: string): () => void;
  /** Resolves once `count` messages have been accepted in all. */
  waitForMessages(count: number): Promise<void>;
  /** RCPT TO commands seen, accepted or not. */
  recipientsTried: string[];
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) on 127.0.0.1 that keeps every message it accepts. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const recipientsTried: string[] = [];
  const rejections = new Map<string, { code: number; message: string }>();
  const waiters: { count: number; resolve: () => void }[] = [];
  let deferrals = 0;
  let delayMs = 0;
  const held = new Map<string, Promise<void>>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    onRcptTo(address, _session, callback) {
      recipientsTried.push(address.address);
      const reject = rejections.get(address.address.toLowerCase());
      if (reject) callback(Object.assign(new Error(reject.message), { responseCode: reject.code }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        for (const r of session.envelope.rcptTo) await held.get(r.address.toLowerCase());
        if (deferrals > 0) {
          deferrals -= 1;
          callback(Object.assign(new Error('4.3.2 Try again later'), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const acceptedAt = Date.now();
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          parsed: await simpleParser(raw),
          acceptedAt,
        });
        for (const w of waiters.filter((w) => messages.length >= w.count)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    recipientsTried,
    deferNext(count) {
      deferrals = count;
    },
    rejectRecipient(address, code, message = code >= 500 ? '5.1.1 No such user here' : '4.2.1 Mailbox busy') {
      rejections.set(address.toLowerCase(), { code, message });
    },
    acceptRecipient(address) {
      rejections.delete(address.toLowerCase());
    },
    setDelay(ms) {
      delayMs = ms;
    },
    holdRecipient(address) {
      let release: () => void = () => undefined;
      held.set(address.toLowerCase(), new Promise<void>((resolve) => (release = resolve)));
      return () => release();
    },
    waitForMessages(count) {
      if (messages.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface StalledSmtp {
  url: string;
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

/** Accepts TCP connections and never says a word: the SMTP greeting never comes (a stalled or black-holed relay). */
export async function startStalledSmtp(): Promise<StalledSmtp> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    connections: () => accepted,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
