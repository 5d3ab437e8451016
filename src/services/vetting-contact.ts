import type { Tx } from "../ports/store.ts";
import { getApplication } from "../adapters/storage/repos/applications.ts";
import { memberContactFromRoll } from "../adapters/storage/repos/vetting.ts";
import type { ApplicationsDeps } from "./applications-deps.ts";

/**
 * A voter's name and email for notices: a supporter from their application, a member from the roll
 * (their voter id is their member number), else through `deps.voterContact` (another source of voters).
 */
export async function voterContact(
  tx: Tx,
  deps: Pick<ApplicationsDeps, "voterContact">,
  electionId: string,
  voterId: string,
): Promise<{ name: string; email: string } | undefined> {
  const app = await getApplication(tx, voterId);
  if (app && app.electionId === electionId)
    return { name: app.applicant.forenames, email: app.applicant.email };
  const member = await memberContactFromRoll(tx, electionId, voterId);
  if (member) return member;
  return deps.voterContact ? deps.voterContact(tx, electionId, voterId) : undefined;
}

/** What the audit entry says of the notice: the address it was mailed to, or that there was none to mail. */
export function noticeDetail(contact: { email: string } | undefined): string {
  return contact ? `mailed to ${contact.email}` : "not sent: no email address for this voter";
}
