// The electorate room's public face: other rooms import from here, never from the files behind it.
export type {
  ApplicationsSource,
  ElectionDefinition,
  RegionDefinition,
  RollRules,
  RollSource,
  SectionDefinition,
  Timetable,
} from "./election.ts";
export { rollSection } from "./election.ts";
export { readElectionDefinition, readRollRulesInput } from "./read-election.ts";
export { memberStatuses, isMemberStatus, type MemberStatus } from "./member-status.ts";
export {
  rollFields,
  fieldText,
  type RollEntry,
  type RollField,
  type EligibilityFacts,
} from "./roll-entry.ts";
export { readColumnMapping, mappingToJson, type ColumnMapping } from "./column-mapping.ts";
export { startRollCheck, normalisePostcode, RollChecker, MAX_FIELD_LENGTH } from "./roll-checker.ts";
export {
  exclusionReasons,
  exclusionsFor,
  judgeRollSection,
  emptyReasonCounts,
  byCodePoint,
  type ExclusionReason,
  type SectionOutcome,
} from "./eligibility.ts";
export { placeInSections, type Placement, type SectionCandidate } from "./sections.ts";
export {
  electorateForCredentials,
  type AdmittedVoter,
  type VoterPlaced,
  type ElectorateForCredentials,
} from "./electorate-for-credentials.ts";
export {
  canonicalLine,
  canonicalMember,
  frozenRollHash,
  frozenListHash,
  freezeBlockers,
  rollWritable,
  FROZEN_ROLL_FORMAT,
  type FreezeFacts,
  type CanonicalMember,
  type HashFactory,
  type Hasher,
} from "./freeze.ts";
export { diffRolls, changedFields, RollDiffer, type RollDiff, type FieldChange } from "./roll-diff.ts";
export { diffSection, summariseChange, type SectionChange, type Gain, type Loss } from "./electorate-diff.ts";
export { postcodeAreaIndex, regionOfPostcode } from "./postcode-region.ts";
