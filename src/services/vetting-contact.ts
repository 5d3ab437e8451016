import type { Tx } from "../ports/store.ts";
import { getApplication } from "../adapters/storage/repos/applications.ts";
import type { ApplicationsDeps } from "./applications-deps.ts";

/** A voter's name and email for notices: supporters from their application, members through the electorate's lookup. */
export async function voterContact(
  tx: Tx,
  deps: Pick<ApplicationsDeps, "voterContact">,
  electionId: string,
  voterId: string,
): Promise<{ name: string; email: string } | undefined> {
  const app = await getApplication(tx, voterId);
  if (app && app.electionId === electionId)
    return { name: app.applicant.forenames, email: app.applicant.email };
  return deps.voterContact ? deps.voterContact(tx, electionId, voterId) : undefined;
}
