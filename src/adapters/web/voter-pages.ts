import { problem, type Problem } from "../../domain/common/problem.ts";
import { err, ok, type Result } from "../../domain/common/result.ts";
import type { Store } from "../../ports/store.ts";
import type { VoterPages } from "../../services/rehearsal/rehearsal-context.ts";
import { buildServer } from "./server.ts";
import { castOverHttp } from "./voter-client.ts";

/**
 * Starts the real server on loopback (a free port, logs silent) with the given clock, and casts
 * through its voter pages as a voter's browser would: the code page for the CSRF token, then the
 * cast form. The rehearsal's sample of votes over HTTP goes this way.
 */
export async function startVoterPages(store: Store, now: () => Date): Promise<VoterPages> {
  const app = await buildServer({ store, now, logLevel: "silent" });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  return {
    async cast(slug, code, ranking): Promise<Result<string, Problem[]>> {
      const r = await castOverHttp(base, slug, { kind: "code", value: code }, ranking);
      const receipt = /class="receipt">([0-9A-Z-]+)</.exec(r.text)?.[1];
      if (r.status === 200 && receipt) return ok(receipt);
      return err([
        problem("input.invalid", {
          field: "a vote over HTTP",
          facts: { reason: `the voter pages answered ${r.status} without a receipt` },
        }),
      ]);
    },
    close: () => app.close(),
  };
}
