/** A message ready to send: plain text first (voter mail stays plain), optional HTML alternative. */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** Stable id so a resend after a crash is recognisable downstream (Message-ID). */
  readonly messageId: string;
  /** The envelope sender (MAIL FROM) bounces go back to; the From address when unset. */
  readonly returnPath?: string;
}

/** Delivers one message; throws on failure so the outbox sender can retry it later. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}
