import { problem, type Problem } from "../common/problem.ts";
import type { NominatingBody } from "./bodies.ts";
import { parsePercent } from "./percent.ts";
import type { Candidate, NominationRules } from "./rules.ts";
import type { Threshold } from "./thresholds.ts";
import { countedBodies } from "./window.ts";

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/**
 * Checks an election's bodies, candidates and rules together and names every fault at once, each with
 * the field at fault (a dotted path such as `bodies[1].nominators[3].id`).
 */
export function validateSetup(
  bodies: readonly NominatingBody[],
  candidates: readonly Candidate[],
  rules: NominationRules,
  rulesAt = "rules.",
): Problem[] {
  const problems: Problem[] = [];
  const bodyIds = new Set<string>();
  const nominatorIds = new Set<string>();
  bodies.forEach((body, i) => {
    const at = `bodies[${i}]`;
    if (bodyIds.has(body.id))
      problems.push(problem("nomination.body.duplicate", { field: `${at}.id`, value: body.id }));
    bodyIds.add(body.id);
    if (body.name.trim() === "") problems.push(problem("input.required", { field: `${at}.name` }));
    if (!isCount(body.sizeAtOpening))
      problems.push(
        problem("nomination.body.bad-size", {
          field: `${at}.sizeAtOpening`,
          value: String(body.sizeAtOpening),
        }),
      );
    body.nominators.forEach((n, j) => {
      const nat = `${at}.nominators[${j}]`;
      if (nominatorIds.has(n.id))
        problems.push(problem("nomination.body.duplicate-nominator", { field: `${nat}.id`, value: n.id }));
      nominatorIds.add(n.id);
      if (n.name.trim() === "") problems.push(problem("input.required", { field: `${nat}.name` }));
      if (n.union && body.kind !== "affiliates")
        problems.push(
          problem("input.invalid", {
            field: `${nat}.union`,
            value: "true",
            facts: { reason: "only an affiliated organisation can be a trade union" },
          }),
        );
    });
  });

  const candidateIds = new Set<string>();
  candidates.forEach((c, i) => {
    const at = `candidates[${i}]`;
    if (candidateIds.has(c.id))
      problems.push(problem("nomination.candidate.duplicate", { field: `${at}.id`, value: c.id }));
    candidateIds.add(c.id);
    if (c.name.trim() === "") problems.push(problem("input.required", { field: `${at}.name` }));
    if (c.surname.trim() === "") problems.push(problem("input.required", { field: `${at}.surname` }));
  });

  if (!(rules.opensAt.getTime() < rules.closesAt.getTime()))
    problems.push(
      problem("nomination.rule.bad-window", {
        field: `${rulesAt}closesAt`,
        value: rules.closesAt.toISOString(),
      }),
    );
  if (!Number.isSafeInteger(rules.seats) || rules.seats < 1)
    problems.push(
      problem("nomination.rule.bad-seats", { field: `${rulesAt}seats`, value: String(rules.seats) }),
    );
  if (rules.threshold) checkThreshold(rules.threshold, `${rulesAt}threshold`, bodies, problems);
  // A body whose nominations decide ballot access must keep the election's period: nominations that
  // count may not go on after the ballot paper is set.
  const counted = countedBodies(rules.threshold, bodies);
  bodies.forEach((b, i) => {
    if (b.window === undefined) return;
    if (counted.has(b.id))
      problems.push(
        problem("nomination.body.window-on-counted-body", { field: `bodies[${i}].closesAt`, value: b.id }),
      );
    else if (!(b.window.opensAt.getTime() < b.window.closesAt.getTime()))
      problems.push(
        problem("nomination.rule.bad-window", {
          field: `bodies[${i}].closesAt`,
          value: b.window.closesAt.toISOString(),
        }),
      );
  });
  if (rules.ballotOrder.kind === "listed") {
    const listed = rules.ballotOrder.order;
    const missing = candidates.filter((c) => !listed.includes(c.id));
    const unknown = listed.filter((id) => !candidateIds.has(id));
    const repeated = listed.filter((id, i) => listed.indexOf(id) !== i);
    for (const id of [...unknown, ...repeated, ...missing.map((c) => c.id)])
      problems.push(problem("nomination.rule.bad-order", { field: `${rulesAt}ballotOrder`, value: id }));
  }
  return problems;
}

function checkThreshold(t: Threshold, at: string, bodies: readonly NominatingBody[], out: Problem[]): void {
  if (t.kind === "all" || t.kind === "any") {
    if (t.of.length === 0) out.push(problem("nomination.rule.empty-group", { field: `${at}.of` }));
    t.of.forEach((part, i) => checkThreshold(part, `${at}.of[${i}]`, bodies, out));
    return;
  }
  if (!bodies.some((b) => b.id === t.body))
    out.push(problem("nomination.rule.unknown-body", { field: `${at}.body`, value: t.body }));
  if (t.kind === "share") {
    const p = parsePercent(t.percent, `${at}.percent`);
    if (!p.ok) out.push(p.error);
    if (t.base !== undefined && !isCount(t.base))
      out.push(problem("nomination.body.bad-size", { field: `${at}.base`, value: String(t.base) }));
    return;
  }
  if (!isCount(t.atLeast))
    out.push(problem("nomination.rule.bad-count", { field: `${at}.atLeast`, value: String(t.atLeast) }));
  if (t.unionsAtLeast !== undefined) {
    if (!isCount(t.unionsAtLeast))
      out.push(
        problem("nomination.rule.bad-count", {
          field: `${at}.unionsAtLeast`,
          value: String(t.unionsAtLeast),
        }),
      );
    else if (t.unionsAtLeast > t.atLeast)
      out.push(
        problem("nomination.rule.unions-exceed-count", {
          field: `${at}.unionsAtLeast`,
          value: String(t.unionsAtLeast),
          facts: { atLeast: t.atLeast },
        }),
      );
  }
}
