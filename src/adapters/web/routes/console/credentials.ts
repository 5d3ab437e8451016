import { join } from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authorise } from "../../../../domain/access/index.ts";
import { formatVoterCode } from "../../../../domain/ballots/index.ts";
import type { Problem } from "../../../../domain/common/problem.ts";
import { beforeCredentialIssue } from "../../../../domain/readiness/index.ts";
import { message } from "../../../../messages/en.ts";
import type { Store } from "../../../../ports/store.ts";
import { gatherCredentialElectorate } from "../../../../services/gather-credential-electorate.ts";
import {
  credentialIssueFacts,
  issueElectorateCredentials,
} from "../../../../services/issue-electorate-credentials.ts";
import { readElectionAs } from "../../../../services/read-election-as.ts";
import { reissueCredential } from "../../../../services/reissue-credential.ts";
import { revokeCredential } from "../../../../services/revoke-credential.ts";
import { ok } from "../../../../domain/common/result.ts";
import {
  credentialsPage,
  outcome,
  type CredentialFormErrors,
  type CredentialsPageModel,
} from "../../views/console/credentials-page.ts";
import { isRefusal, lazyVotingDeps } from "./poll.ts";
import { publicUrlOf } from "./mail.ts";
import {
  refuseProblem,
  requireRecentAuth,
  requireSignedIn,
  sendPage,
  viewOf,
  type FormBody,
} from "./context.ts";
import { issueWithPrintFiles } from "../../../print/issue-with-print-files.ts";
import { privatePrintFolder, zipAndRemove } from "../../../print/print-zip.ts";

type P = { slug: string };
type Extra = Pick<CredentialsPageModel, "outcome" | "problems" | "form" | "errors">;

/**
 * `/console/elections/:slug/credentials...`: the readiness check and the issue, reissue and revoke,
 * through the same services as `selectorate credentials` (each audited, with source "web").
 */
export function credentialRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  const votingDeps = lazyVotingDeps(now);

  /** Draws the page; the electorate is read only when the issue could go ahead. */
  const page = async (
    request: FastifyRequest<{ Params: P }>,
    reply: FastifyReply,
    status: number,
    extra: Extra = {},
  ) => {
    const r = await readElectionAs(
      store,
      request.actor,
      "credentials.issue",
      request.params.slug,
      async (tx, e) => ok({ election: e, facts: await credentialIssueFacts(tx, e.id) }),
    );
    if (!r.ok) return refuseProblem(request, reply, r.error);
    const { election } = r.value;
    const facts = { ...r.value.facts, nominations: "none" as const, result: null };
    const blockers = beforeCredentialIssue(facts);
    let electorate: CredentialsPageModel["electorate"];
    if (blockers.length === 0) {
      const g = await gatherCredentialElectorate(store, { electionId: election.id });
      if (g.ok) {
        const bySection: Record<string, number> = {};
        for (const x of g.value.voters) bySection[x.section] = (bySection[x.section] ?? 0) + 1;
        electorate = {
          total: g.value.voters.length,
          bySection,
          excluded: g.value.excluded.length,
          placedEarlier: g.value.placedEarlier.length,
          held: g.value.voters.filter((x) => x.heldCase).length,
          withoutEmail: g.value.voters.filter((x) => !x.email).length,
        };
      } else extra = { ...extra, problems: [...(extra.problems ?? []), ...g.error.map((p) => message(p))] };
    }
    const v = viewOf(request, reply);
    return sendPage(
      reply,
      status,
      credentialsPage(v, {
        slug: election.slug,
        title: election.title,
        facts,
        blockers,
        ...(electorate ? { electorate } : {}),
        ...extra,
      }),
    );
  };
  const electionOf = (request: FastifyRequest<{ Params: P }>) =>
    readElectionAs(store, request.actor, "credentials.issue", request.params.slug, async (_tx, e) => ok(e));
  const problemsOf = (ps: readonly Problem[]) => ps.map((p) => message(p));

  app.get<{ Params: P }>("/console/elections/:slug/credentials", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    return page(request, reply, 200);
  });

  app.post<{ Params: P }>("/console/elections/:slug/credentials/issue", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const election = await electionOf(request);
    if (!election.ok) return refuseProblem(request, reply, election.error);
    const expected = Number(((request.body ?? {}) as FormBody)["expected"]);
    const started = Date.now();
    const r = await issueElectorateCredentials(
      store,
      votingDeps(),
      request.actor,
      {
        electionId: election.value.id,
        mail: { linkBase: publicUrlOf(request), slug: election.value.slug },
        everyoneByMail: true,
        // The number the officer confirmed: a roll or a decision changed since then refuses the issue.
        ...(Number.isInteger(expected) ? { expected } : {}),
      },
      "web",
    );
    if (!r.ok) {
      if (isRefusal(r.error[0]!)) return refuseProblem(request, reply, r.error);
      return page(request, reply, 409, { problems: problemsOf(r.error) });
    }
    const v = viewOf(request, reply);
    const done = v.t("creds.issued", {
      issued: r.value.issued,
      seconds: ((Date.now() - started) / 1000).toFixed(1),
      sections: Object.entries(r.value.bySection)
        .map(([s, n]) => `${s} ${n}`)
        .join(", "),
      mailed: r.value.mailed,
    });
    return page(request, reply, 200, { outcome: outcome(done) });
  });

  // The print pack: back from re-authentication, the form is drawn again (it is not kept).
  app.get<{ Params: P }>("/console/elections/:slug/credentials/print", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const election = await electionOf(request);
    if (!election.ok) return refuseProblem(request, reply, election.error);
    return reply.redirect(`/console/elections/${election.value.slug}/credentials`, 303);
  });

  /**
   * Issues with a print pack: the same issue as above (mail queued for voters with an address), and
   * the response is a ZIP of the print files (PDF and CSV) for the voters without one, or for
   * everyone. The codes exist only in that response, so it needs a recent password and code.
   */
  app.post<{ Params: P }>("/console/elections/:slug/credentials/print", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const election = await electionOf(request);
    if (!election.ok) return refuseProblem(request, reply, election.error);
    // The role first, so others get their 403 rather than a re-authentication page.
    const allowed = authorise(request.actor, "credentials.issue", election.value.id);
    if (!allowed.ok) return refuseProblem(request, reply, allowed.error);
    if (!requireRecentAuth(request, reply, now())) return reply;
    const body = (request.body ?? {}) as FormBody;
    const expected = Number(body["expected"]);
    const { slug } = election.value;
    const folder = await privatePrintFolder();
    const files = { csv: join(folder.dir, `${slug}-codes.csv`), pdf: join(folder.dir, `${slug}-packs.pdf`) };
    const r = await issueWithPrintFiles(
      store,
      votingDeps(),
      request.actor,
      {
        electionId: election.value.id,
        mail: { linkBase: publicUrlOf(request), slug },
        print: body["everyone"] === "1" ? "everyone" : "unmailed",
        ...(Number.isInteger(expected) ? { expected } : {}),
      },
      "web",
      { csvFile: files.csv, pdfFile: files.pdf, linkBase: publicUrlOf(request), slug },
    ).catch(async (e: unknown) => {
      await folder.remove();
      throw e;
    });
    if (!r.ok) {
      await folder.remove();
      if (isRefusal(r.error[0]!)) return refuseProblem(request, reply, r.error);
      return page(request, reply, 409, { problems: problemsOf(r.error) });
    }
    const zip = await zipAndRemove(
      [
        { path: files.pdf, name: `${slug}-packs.pdf` },
        { path: files.csv, name: `${slug}-codes.csv` },
      ],
      folder.remove,
    );
    return reply
      .code(200)
      .header("cache-control", "no-store")
      .header("content-disposition", `attachment; filename="${slug}-print-pack.zip"`)
      .type("application/zip")
      .send(zip);
  });

  /**
   * The reissue and revoke forms' shared first steps: the signed-in check, the election, the role
   * (before the form's own checks, so a caller who may not act learns nothing from them), then the
   * voter and reason fields (`voter`/`reason`, or `rvoter`/`rreason` on the revoke form), each
   * required. Returns the reply already sent, or what the handler needs.
   */
  const voterForm = async (
    request: FastifyRequest<{ Params: P }>,
    reply: FastifyReply,
    action: "credentials.reissue" | "credentials.revoke",
    prefix: "" | "r",
  ) => {
    if (!requireSignedIn(request, reply)) return reply;
    const election = await electionOf(request);
    if (!election.ok) return refuseProblem(request, reply, election.error);
    const allowed = authorise(request.actor, action, election.value.id);
    if (!allowed.ok) return refuseProblem(request, reply, allowed.error);
    const v = viewOf(request, reply);
    const body = (request.body ?? {}) as FormBody;
    const voterField = `${prefix}voter` as const;
    const reasonField = `${prefix}reason` as const;
    const voter = body[voterField]?.trim().slice(0, 200) ?? "";
    const reason = body[reasonField]?.trim().slice(0, 1000) ?? "";
    const form = { [voterField]: voter, [reasonField]: reason, mail: body["mail"] === "1" ? "1" : "0" };
    const errors: CredentialFormErrors = {};
    if (!voter) errors[voterField] = v.t("creds.needVoter");
    if (!reason) errors[reasonField] = v.t("creds.needReason");
    if (!voter || !reason) return page(request, reply, 422, { form, errors });
    /** The service's refusal: the refusal page, or its sentence beside the voter field. */
    const failed = (problems: readonly Problem[]) =>
      isRefusal(problems[0]!)
        ? refuseProblem(request, reply, problems)
        : page(request, reply, 422, { form, errors: { [voterField]: problemsOf(problems).join(" ") } });
    return { election: election.value, v, voter, reason, mail: form.mail === "1", failed };
  };

  app.post<{ Params: P }>("/console/elections/:slug/credentials/reissue", async (request, reply) => {
    const f = await voterForm(request, reply, "credentials.reissue", "");
    if (!("voter" in f)) return f;
    const linkBase = publicUrlOf(request);
    const { election, v } = f;
    const r = await reissueCredential(store, votingDeps(), {
      electionId: election.id,
      voterId: f.voter,
      actor: request.actor,
      reason: f.reason,
      source: "web",
      ...(f.mail ? { mail: { linkBase, slug: election.slug, electionTitle: election.title } } : {}),
    });
    if (!r.ok) return f.failed(r.error);
    const link = `${linkBase.replace(/\/$/, "")}/vote/${election.slug}/link/${r.value.linkToken}`;
    const said = v.t("creds.reissued", { voter: f.voter, code: formatVoterCode(r.value.code), link });
    const mailed = r.value.mailedTo
      ? v.t("creds.reissuedMailed", { to: r.value.mailedTo })
      : v.t("creds.reissuedNotMailed");
    return page(request, reply, 200, { outcome: outcome(said, mailed) });
  });

  app.post<{ Params: P }>("/console/elections/:slug/credentials/revoke", async (request, reply) => {
    const f = await voterForm(request, reply, "credentials.revoke", "r");
    if (!("voter" in f)) return f;
    const r = await revokeCredential(store, votingDeps(), {
      electionId: f.election.id,
      voterId: f.voter,
      actor: request.actor,
      reason: f.reason,
      source: "web",
    });
    if (!r.ok) return f.failed(r.error);
    return page(request, reply, 200, { outcome: outcome(f.v.t("creds.revoked", { voter: f.voter })) });
  });
}
