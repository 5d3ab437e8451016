import type { ApplicationForm } from "../applications/index.ts";
import type { SectionFigures } from "./figures.ts";
import { bornAbout, person } from "./people.ts";
import { seeded, shuffled } from "./seeded.ts";

/** What the generator made of one unique applicant; the checks must find it, they are not told. */
export type ApplicantKind =
  | "ok"
  | "putRight"
  | "typo"
  | "married"
  | "unpaid"
  | "notFound"
  | "notResident"
  | "alreadyEligible"
  | "under18";

/** One application as it arrives: the form, and what the generator knows about it (never submitted). */
export interface PlannedApplication {
  readonly section: string;
  /** The applicant's index among this section's unique applicants. */
  readonly applicant: number;
  readonly kind: ApplicantKind;
  /** 0 for the first application, 1.. for a duplicate of it. */
  readonly copy: number;
  readonly form: ApplicationForm;
}

/** The supporter applications of one section, with the register extract and union lists they need. */
export interface ApplicationsPlan {
  /** In arrival order. */
  readonly applications: readonly PlannedApplication[];
  /** Register extract rows (CSV text with its header), for a registered section. */
  readonly registerExtract: string;
  /** Per union, the membership numbers the union confirms (affiliated sections). */
  readonly unionLists: ReadonlyMap<string, readonly string[]>;
}

const unions = ["Unite", "UNISON", "GMB", "CWU"];

/**
 * Plans a supporter section's applications. Registered: `admitted` applicants who should be accepted
 * (a few with a postcode typed wrong or a changed surname, which the register check must still match,
 * and some whose payment failed and was put right in time), the planted rejections (an already-eligible
 * member's email, a failed payment never put right, not on the register, living abroad, under 18 on
 * polling day), and duplicates of accepted applicants (one of them 117 applications in all), each
 * arriving after the first. Affiliated: every applicant names a union that lists them.
 * `member(j)` gives the j-th eligible member (for already-eligible applicants); `pollingYear` sets ages.
 */
export function planApplications(
  f: SectionFigures,
  pollingYear: number,
  member: (j: number) => ApplicationForm,
  eligibleMembers: number,
  seed: number,
): ApplicationsPlan {
  const next = seeded(seed);
  if (f.kind === "affiliated") {
    const lists = new Map<string, string[]>();
    const applications: PlannedApplication[] = [];
    // Affiliated supporters face the register check too: every one of them is on the extract.
    const lines = [registerHeader];
    for (let i = 0; i < f.admitted; i++) {
      const p = person("a", i);
      const union = unions[i % unions.length]!;
      const membershipNumber = `${union.slice(0, 2).toUpperCase()}${100000 + i}`;
      const list = lists.get(union) ?? [];
      list.push(membershipNumber);
      lists.set(union, list);
      const dateOfBirth = bornAbout(i, pollingYear, 20 + (i % 60));
      applications.push({
        section: f.id,
        applicant: i,
        kind: "ok",
        copy: 0,
        form: { ...p, ...declared, dateOfBirth, country: "GB", union, membershipNumber },
      });
      lines.push(
        `${f.id}-${i + 1},${p.forenames},${p.surname},${p.addressLine1},${p.postcode},${dateOfBirth},N`,
      );
    }
    return { applications, registerExtract: lines.join("\n") + "\n", unionLists: lists };
  }
  const r = f.rejections;
  const kinds: ApplicantKind[] = [];
  const push = (k: ApplicantKind, n: number) => {
    for (let j = 0; j < n; j++) kinds.push(k);
  };
  const accepted = f.admitted;
  const putRight = Math.round(r.unpaid / 10);
  const typo = Math.round(accepted * 0.015);
  const married = Math.round(accepted * 0.0075);
  push("ok", accepted - putRight - typo - married);
  push("putRight", putRight);
  push("typo", typo);
  push("married", married);
  push("unpaid", r.unpaid);
  push("notFound", r.notFound);
  push("notResident", r.notResident);
  push("alreadyEligible", Math.min(r.alreadyEligible, eligibleMembers));
  push("under18", r.under18);
  const kindOf = shuffled(kinds, next);
  let memberSeen = 0;
  const forms = kindOf.map((kind, i): ApplicationForm => {
    const p = person("r", i);
    const base = { ...p, ...declared, dateOfBirth: bornAbout(i, pollingYear, 20 + (i % 60)), country: "GB" };
    if (kind === "alreadyEligible") {
      // A member applying as a supporter too: the roll's email (rolls hold no date of birth).
      const m = member(Math.floor((memberSeen++ * eligibleMembers) / Math.max(1, r.alreadyEligible)));
      return { ...base, ...m };
    }
    if (kind === "under18") return { ...base, dateOfBirth: bornAbout(i, pollingYear, 16) };
    if (kind === "notResident") return { ...base, postcode: "75008", town: "Paris", country: "FR" };
    return base;
  });
  // Duplicates repeat accepted applicants: the first ok applicant 116 more times (117 in all), then
  // others once each; a copy shouts its name and email in capitals, which normalising must see through.
  const okOnes = kindOf.flatMap((k, i) => (k === "ok" ? [i] : []));
  const copies: number[] = [];
  for (let d = 0; d < r.duplicate; d++)
    copies.push(d < 116 ? okOnes[0]! : okOnes[1 + ((d - 116) % Math.max(1, okOnes.length - 1))]!);
  // Arrival: the unique applicants in order, each copy somewhere after its first application.
  const at = kindOf.map((_, i) => i);
  const placed = [
    ...at.map((i) => ({ key: i, applicant: i, copy: 0 })),
    ...copies.map((i, d) => ({ key: i + 0.5 + next() * (kindOf.length - i), applicant: i, copy: d + 1 })),
  ].sort((a, b) => a.key - b.key);
  const applications = placed.map(({ applicant, copy }): PlannedApplication => {
    const form = forms[applicant]!;
    return {
      section: f.id,
      applicant,
      kind: kindOf[applicant]!,
      copy,
      form:
        copy === 0
          ? form
          : { ...form, forenames: form.forenames!.toUpperCase(), email: form.email!.toUpperCase() },
    };
  });
  // The register: everyone who should pass it (and the under-18s, with their date of birth), with
  // near-misses for the typo and changed-surname applicants. Nobody abroad or unknown is on it.
  const lines = [registerHeader];
  kindOf.forEach((kind, i) => {
    if (kind === "notFound" || kind === "notResident") return;
    const p = forms[i]!;
    const postcode =
      kind === "typo" ? p.postcode!.slice(0, -1) + (p.postcode!.endsWith("Z") ? "Y" : "Z") : p.postcode!;
    const surname = kind === "married" ? `Maiden-${p.surname!}` : p.surname!;
    lines.push(`${f.id}-${i + 1},${p.forenames},${surname},${p.addressLine1},${postcode},${p.dateOfBirth},N`);
  });
  return { applications, registerExtract: lines.join("\n") + "\n", unionLists: new Map() };
}

const registerHeader = "elector_number,forenames,surname,address_line1,postcode,date_of_birth,overseas";
const declared = { supportsAimsAndValues: true, acceptsCodeOfConduct: true } as const;
