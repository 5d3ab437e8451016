import { timingSafeEqual } from "node:crypto";
import type { SecretHasher } from "../domain/ballots/index.ts";

// The reminder mail and its unsubscribe token. The text is the same whoever receives it and says
// "if you have already voted, thank you", so a mail read by someone else does not tell them the
// recipient had not voted (a vote cast after the batch was queued also makes that line true).

/**
 * The unsubscribe token of a voter: the voter id (base64url) and its keyed hash under the credential
 * key, so it needs no storage, costs nothing at issue time and cannot be forged for someone else.
 */
export function reminderStopToken(hash: SecretHasher, electionId: string, voterId: string): string {
  return `${Buffer.from(voterId, "utf8").toString("base64url")}.${hash(`reminder-stop:${electionId}:${voterId}`)}`;
}

/** The voter id a token names, if its keyed hash is right; undefined otherwise. */
export function voterOfStopToken(hash: SecretHasher, electionId: string, token: string): string | undefined {
  const [id = "", mac = ""] = token.split(".");
  const voterId = Buffer.from(id, "base64url").toString("utf8");
  const expected = hash(`reminder-stop:${electionId}:${voterId}`);
  if (mac.length !== expected.length) return undefined;
  return timingSafeEqual(Buffer.from(mac), Buffer.from(expected)) ? voterId : undefined;
}

/** The plain-text reminder. */
export function reminderMail(o: {
  linkBase: string;
  slug: string;
  electionTitle: string;
  closes: Date;
  stopToken: string;
}): { subject: string; text: string } {
  const base = o.linkBase.replace(/\/$/, "");
  const closes = o.closes.toLocaleString("en-GB", {
    timeZone: "Europe/London",
    dateStyle: "full",
    timeStyle: "short",
  });
  return {
    subject: `${o.electionTitle}: voting closes ${closes}`,
    text: [
      `Voting in ${o.electionTitle} closes at ${closes} (UK time).`,
      "",
      "If you have already voted, thank you: you need do nothing more.",
      "",
      `To vote, use the link in the mail that gave you your voting code, or go to ${base}/vote/${o.slug} and enter the code from that mail or from your ballot paper.`,
      "If you have lost your code, contact the returning officer for a new one.",
      "",
      "To get no more reminders for this election, open:",
      `${base}/vote/${o.slug}/reminders/stop/${o.stopToken}`,
    ].join("\n"),
  };
}
