/** A fully rendered message, ready for any Mailer. Every string in it is already safe to send. */
export interface RenderedEmail {
  to: string;
  from: string;
  subject: string;
  /** Inbox preview line (preheader), also hidden at the top of the HTML. */
  preview: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** Set for daily briefs; the outbox names its files after it. */
  brief?: { id: number; userId: number; date: string };
}
