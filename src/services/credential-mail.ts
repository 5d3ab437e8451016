import { formatVoterCode } from "../domain/ballots/index.ts";

/**
 * The plain-text credential mail: the one-click link first, the code as a fallback. It says nothing
 * about other voters and asks for no reply.
 */
export function credentialMail(o: {
  linkBase: string;
  slug: string;
  electionTitle: string;
  code: string;
  linkToken: string;
}): {
  subject: string;
  text: string;
} {
  const link = `${o.linkBase.replace(/\/$/, "")}/vote/${o.slug}/link/${o.linkToken}`;
  return {
    subject: `Your vote in ${o.electionTitle}`,
    text: [
      `You can vote in ${o.electionTitle}.`,
      "",
      "To vote, open this link (it is yours alone; do not forward it):",
      link,
      "",
      `Or go to ${o.linkBase.replace(/\/$/, "")}/vote/${o.slug} and enter your voting code:`,
      formatVoterCode(o.code),
      "",
      "You can vote once. If you did not expect this message, or if someone else has voted with your code, contact the returning officer.",
    ].join("\n"),
  };
}
