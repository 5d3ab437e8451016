import formbody from "@fastify/formbody";
import { credentialHasher, loadCredentialKey } from "../../crypto/credential-key.ts";
import { dbOf } from "../../storage/tx.ts";
import type { SecretHasher } from "../../../domain/ballots/index.ts";
import { stopReminderMail, stopTokenShape } from "../../../services/stop-reminders.ts";
import { remindersStoppedPage, stopRemindersPage } from "../views/reminder-pages.ts";
import type { RoutePlugin } from "./route-deps.ts";

// The unsubscribe link in reminder mails. It answers alike for every well-formed token, whether the
// holder voted, did not, already unsubscribed or does not exist, so it tells nobody who voted. Logged
// at "warn" only, like the voting pages: the token is in the URL.

const quiet = { logLevel: "warn" as const };

/** `/vote/:election/reminders/stop/:token`: a confirmation page, and the POST that stops reminders. */
export const reminderRoutes: RoutePlugin = async (app, routeDeps) => {
  await app.register(formbody);
  let hash: SecretHasher | undefined;
  const hasher = () => (hash ??= credentialHasher(loadCredentialKey()));
  const election = (slug: string) =>
    routeDeps.store.read((tx) =>
      dbOf(tx).selectFrom("elections").select(["id", "title"]).where("slug", "=", slug).executeTakeFirst(),
    );
  type Params = { Params: { election: string; token: string } };

  app.get<Params>("/vote/:election/reminders/stop/:token", quiet, async (request, reply) => {
    const e = await election(request.params.election);
    if (e === undefined || !stopTokenShape.test(request.params.token)) return reply.code(404).send();
    return reply
      .type("text/html; charset=utf-8")
      .header("referrer-policy", "no-referrer")
      .send(stopRemindersPage({ title: e.title, action: request.url }));
  });

  app.post<Params>("/vote/:election/reminders/stop/:token", quiet, async (request, reply) => {
    const e = await election(request.params.election);
    if (e === undefined) return reply.code(404).send();
    const stopped = await stopReminderMail(
      routeDeps.store,
      { hash: hasher() },
      { electionId: e.id, token: request.params.token },
    );
    if (!stopped) return reply.code(404).send();
    return reply.type("text/html; charset=utf-8").send(remindersStoppedPage({ title: e.title }));
  });
};
