import { Readable } from "node:stream";
import { z } from "zod";
import { exclusionReasons, type RollDiff, type SectionChange } from "../../../domain/electorate/index.ts";
import { sha256Hasher } from "../../crypto/sha256-stream.ts";
import { changeEligibilityRule } from "../../../services/change-eligibility-rule.ts";
import { defineElection } from "../../../services/define-election.ts";
import { freezeRoll } from "../../../services/freeze-roll.ts";
import { importRoll } from "../../../services/import-roll.ts";
import { reportEligibility } from "../../../services/report-eligibility.ts";
import { message } from "../../../messages/en.ts";
import { replyProblems } from "../problem-to-http.ts";
import { refusals } from "./refusal-schemas.ts";
import type { RoutePlugin } from "./route-deps.ts";

// The electorate's JSON API: define an election, import the roll (preview, apply), freeze it, see
// eligibility, change a section's rules. The same services as the command line, with the caller's Actor.

const slug = z.object({ slug: z.string().min(1).max(64) });
const reasonCounts = z.record(z.string(), z.number().int());
/** How many member numbers a diff lists in a response; the counts are always whole. */
const SAMPLE = 100;

const rollDiff = z
  .object({
    added: z.number().int(),
    removed: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    addedSample: z.array(z.string()),
    removedSample: z.array(z.string()),
    changedSample: z.array(
      z.object({
        memberNumber: z.string(),
        fields: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
      }),
    ),
  })
  .describe(`counts, and the first ${SAMPLE} member numbers of each kind`);

function diffBody(d: RollDiff): z.infer<typeof rollDiff> {
  return {
    added: d.added.length,
    removed: d.removed.length,
    changed: d.changed.length,
    unchanged: d.unchanged,
    addedSample: d.added.slice(0, SAMPLE),
    removedSample: d.removed.slice(0, SAMPLE),
    changedSample: d.changed
      .slice(0, SAMPLE)
      .map((c) => ({ memberNumber: c.memberNumber, fields: c.fields.map((f) => ({ ...f })) })),
  };
}

const sectionChange = z.object({
  section: z.string(),
  before: z.number().int(),
  after: z.number().int(),
  gained: z.number().int(),
  lost: z.number().int(),
  gainsSample: z.array(z.object({ memberNumber: z.string(), wasExcludedFor: z.array(z.string()) })),
  lossesSample: z.array(z.object({ memberNumber: z.string(), nowExcludedFor: z.array(z.string()) })),
});

function changeBody(c: SectionChange): z.infer<typeof sectionChange> {
  return {
    section: c.section,
    before: c.before,
    after: c.after,
    gained: c.gains.length,
    lost: c.losses.length,
    gainsSample: c.gains
      .slice(0, SAMPLE)
      .map((g) => ({ memberNumber: g.memberNumber, wasExcludedFor: [...g.wasExcludedFor] })),
    lossesSample: c.losses
      .slice(0, SAMPLE)
      .map((l) => ({ memberNumber: l.memberNumber, nowExcludedFor: [...l.nowExcludedFor] })),
  };
}

/** The electorate routes. */
export const electorateRoutes: RoutePlugin = async (app, deps) => {
  const services = { now: deps.now, hash: sha256Hasher };

  app.post(
    "/api/elections",
    {
      schema: {
        summary: "Define an election",
        description:
          "The body is the election definition (docs/electorate.md). Every fault is reported with its field path.",
        tags: ["electorate"],
        security: [{ bearer: [] }],
        body: z.record(z.string(), z.unknown()),
        response: { 201: z.object({ election: z.string(), sections: z.array(z.string()) }), ...refusals },
      },
    },
    async (request, reply) => {
      const r = await defineElection(deps.store, services, request.actor, request.body, "web");
      if (!r.ok) return replyProblems(reply, r.error);
      return reply
        .code(201)
        .send({ election: r.value.definition.id, sections: r.value.definition.sections.map((s) => s.id) });
    },
  );

  app.post(
    "/api/elections/:slug/roll",
    {
      // A 654,006-member roll is about 80–130 MB of CSV.
      bodyLimit: 256 * 1024 * 1024,
      schema: {
        summary: "Import the membership roll (preview or apply)",
        description:
          "Checks every row; a file with any bad row changes nothing and every bad line is listed (422). The same file again changes nothing. A different roll in force: `preview` shows the diff; applying needs `replace` (and `expectedCurrent`, the file hash the preview was made against).",
        tags: ["electorate"],
        security: [{ bearer: [] }],
        params: slug,
        body: z.object({
          csv: z.string().describe("the roll file's text (UTF-8 CSV with a header row)"),
          mapping: z.record(z.string(), z.unknown()).describe("the column mapping"),
          preview: z.boolean().default(false),
          replace: z.boolean().default(false),
          expectedCurrent: z.string().optional(),
        }),
        response: {
          200: z.object({
            outcome: z.enum(["unchanged", "preview", "imported"]),
            fileSha256: z.string(),
            rows: z.number().int(),
            current: z.string().nullable().optional(),
            confirmationNeeded: z.boolean().optional(),
            importNumber: z.number().int().optional(),
            diff: rollDiff.nullable().optional(),
          }),
          ...refusals,
        },
      },
    },
    async (request, reply) => {
      const body = Buffer.from(request.body.csv, "utf8");
      const r = await importRoll(
        deps.store,
        services,
        request.actor,
        {
          election: request.params.slug,
          open: () => Readable.from([body]),
          mapping: request.body.mapping,
          mode: request.body.preview ? "preview" : "apply",
          replace: request.body.replace,
          ...(request.body.expectedCurrent !== undefined
            ? { expectedCurrent: request.body.expectedCurrent }
            : {}),
        },
        "web",
      );
      if (!r.ok) return replyProblems(reply, r.error);
      const v = r.value;
      if (v.kind === "unchanged") return { outcome: v.kind, fileSha256: v.fileHash, rows: v.rows };
      if (v.kind === "preview") {
        return {
          outcome: v.kind,
          fileSha256: v.fileHash,
          rows: v.rows,
          current: v.current,
          confirmationNeeded: v.confirmationNeeded,
          diff: v.diff ? diffBody(v.diff) : null,
        };
      }
      return {
        outcome: v.kind,
        fileSha256: v.fileHash,
        rows: v.rows,
        importNumber: v.importNumber,
        diff: v.diff ? diffBody(v.diff) : null,
      };
    },
  );

  app.post(
    "/api/elections/:slug/roll/freeze",
    {
      schema: {
        summary: "Freeze the electorate (or list what blocks it)",
        description:
          "With `check`, lists in plain words what blocks the freeze. Otherwise freezes and returns the frozen list's SHA-256.",
        tags: ["electorate"],
        security: [{ bearer: [] }],
        params: slug,
        body: z.object({ check: z.boolean().default(false) }).default({ check: false }),
        response: {
          200: z.object({
            outcome: z.enum(["check", "frozen"]),
            blockers: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
            eligible: z.number().int().optional(),
            members: z.number().int().optional(),
            sha256: z.string().optional(),
            ruleVersion: z.number().int().optional(),
            excludedByReason: reasonCounts.nullable().optional(),
          }),
          ...refusals,
        },
      },
    },
    async (request, reply) => {
      const r = await freezeRoll(
        deps.store,
        services,
        request.actor,
        { election: request.params.slug, check: request.body.check },
        "web",
      );
      if (!r.ok) return replyProblems(reply, r.error);
      const v = r.value;
      if (v.kind === "check") {
        return {
          outcome: v.kind,
          blockers: v.blockers.map((b) => ({ code: b.code, message: message(b) })),
          eligible: v.eligible,
          excludedByReason: v.excludedByReason ? { ...v.excludedByReason } : null,
        };
      }
      return {
        outcome: v.kind,
        members: v.members,
        sha256: v.sha256,
        ruleVersion: v.ruleVersion,
        excludedByReason: { ...v.excludedByReason },
      };
    },
  );

  app.get(
    "/api/elections/:slug/eligibility",
    {
      schema: {
        summary: "Eligibility per section, with the reasons members are left out",
        description: `Reason codes: ${exclusionReasons.join(", ")}.`,
        tags: ["electorate"],
        security: [{ bearer: [] }],
        params: slug,
        response: {
          200: z.object({
            election: z.string(),
            rollRows: z.number().int(),
            frozen: z.object({ at: z.string(), sha256: z.string(), members: z.number().int() }).nullable(),
            sections: z.array(
              z.object({
                id: z.string(),
                label: z.string(),
                source: z.enum(["roll", "applications"]),
                ruleVersion: z.number().int().optional(),
                eligible: z.number().int().optional(),
                excludedByReason: reasonCounts.optional(),
                frozenMembers: z.number().int().optional(),
              }),
            ),
          }),
          ...refusals,
        },
      },
    },
    async (request, reply) => {
      const r = await reportEligibility(deps.store, request.actor, request.params.slug);
      if (!r.ok) return replyProblems(reply, r.error);
      return {
        ...r.value,
        sections: r.value.sections.map((s) => ({
          ...s,
          ...(s.excludedByReason ? { excludedByReason: { ...s.excludedByReason } } : {}),
        })),
      };
    },
  );

  app.post(
    "/api/elections/:slug/sections/:section/rules",
    {
      schema: {
        summary: "Change a roll section's rules (preview, or apply as a new version)",
        description:
          '`changes` are merged over the rules in force (null removes a rule), e.g. {"joinedOnOrBefore": "2016-07-12"}. Without `apply`, shows who gains a vote and who loses one, and why.',
        tags: ["electorate"],
        security: [{ bearer: [] }],
        params: z.object({ slug: z.string().min(1).max(64), section: z.string().min(1).max(64) }),
        body: z.object({
          changes: z.record(z.string(), z.unknown()),
          reason: z.string().min(1),
          apply: z.boolean().default(false),
          expectedVersion: z.number().int().min(1).optional(),
        }),
        response: {
          200: z.object({
            applied: z.boolean(),
            fromVersion: z.number().int(),
            toVersion: z.number().int(),
            rules: z.record(z.string(), z.unknown()),
            change: sectionChange,
            gainedBecause: reasonCounts,
            lostBecause: reasonCounts,
            frozenListSha256: z.string().nullable(),
          }),
          ...refusals,
        },
      },
    },
    async (request, reply) => {
      const r = await changeEligibilityRule(
        deps.store,
        services,
        request.actor,
        {
          election: request.params.slug,
          section: request.params.section,
          changes: request.body.changes,
          reason: request.body.reason,
          apply: request.body.apply,
          ...(request.body.expectedVersion !== undefined
            ? { expectedVersion: request.body.expectedVersion }
            : {}),
        },
        "web",
      );
      if (!r.ok) return replyProblems(reply, r.error);
      const v = r.value;
      return {
        applied: v.applied,
        fromVersion: v.fromVersion,
        toVersion: v.toVersion,
        rules: { ...v.rules },
        change: changeBody(v.change),
        gainedBecause: v.gainedBecause,
        lostBecause: v.lostBecause,
        frozenListSha256: v.frozenListSha256,
      };
    },
  );
};
