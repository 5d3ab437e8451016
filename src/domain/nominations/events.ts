import type { BodyId, CandidateId, NominationId, NominatorId } from "./ids.ts";

/**
 * The public record events this room appends. They hold ids, candidates' ballot names and instants
 * (ISO 8601, UTC), never who acted: that goes in the private audit log.
 */
export type NominationsRecordEvent =
  | {
      readonly type: "nomination-made";
      readonly nomination: NominationId;
      readonly candidate: CandidateId;
      readonly body: BodyId;
      readonly nominator: NominatorId;
      readonly at: string;
    }
  | { readonly type: "nomination-withdrawn"; readonly nomination: NominationId; readonly at: string }
  | { readonly type: "nomination-consented"; readonly candidate: CandidateId; readonly at: string }
  | {
      readonly type: "candidates-certified";
      readonly at: string;
      readonly seats: number;
      /** The ballot paper, in order. */
      readonly ballotPaper: readonly {
        readonly position: number;
        readonly candidate: CandidateId;
        readonly name: string;
        readonly description: string;
      }[];
      readonly qualified: readonly {
        readonly candidate: CandidateId;
        readonly basis: "by-right" | "threshold";
      }[];
      readonly notQualified: readonly {
        readonly candidate: CandidateId;
        readonly reason: "short" | "no-consent";
      }[];
    }
  | { readonly type: "candidate-elected-unopposed"; readonly candidate: CandidateId; readonly at: string };
