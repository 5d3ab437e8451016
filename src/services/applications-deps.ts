import { createHash } from "node:crypto";
import { randomToken } from "../adapters/crypto/random.ts";
import type { Tx } from "../ports/store.ts";
import type { Actor } from "../domain/access/index.ts";
import type { EligiblePerson } from "../domain/applications/index.ts";
import type { AuditSource } from "../domain/record/audit-entry.ts";

/** What the applications and vetting services need from outside. */
export interface ApplicationsDeps {
  /** The server clock; tests pass a controllable one. */
  readonly now: () => Date;
  /** A fresh unguessable token for status and appeal links (url-safe). */
  readonly newToken?: () => string;
  /** The public address links in mail start with, e.g. `https://vote.example.org`. */
  readonly publicUrl: string;
  /** People already eligible in another section (the frozen roll's members); none when absent. */
  readonly eligiblePeople?: (tx: Tx, electionId: string) => Promise<EligiblePerson[]>;
  /** A voter's name and email for notices, when the voter is not a supporter this room holds (a member). */
  readonly voterContact?: (
    tx: Tx,
    electionId: string,
    voterId: string,
  ) => Promise<{ name: string; email: string } | undefined>;
}

/** Who is acting and from where. */
export interface ServiceContext {
  readonly actor: Actor | undefined;
  readonly source: AuditSource;
}

/** 256 bits from the operating system's generator, url-safe. */
export const defaultToken = (): string => randomToken(32);

/** Tokens are stored only as their SHA-256, so a database dump holds no working link. */
export const tokenHash = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

/** The link an applicant follows to see their application. */
export const statusUrl = (deps: ApplicationsDeps, token: string): string =>
  `${deps.publicUrl.replace(/\/$/, "")}/apply/status/${token}`;

/** The link an excluded voter follows to appeal. */
export const appealUrl = (deps: ApplicationsDeps, token: string): string =>
  `${deps.publicUrl.replace(/\/$/, "")}/appeal/${token}`;
