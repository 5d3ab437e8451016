// The record room: canonical JSON, the hash chain and the shapes of the two logs.
export { canonicalJson, type JsonObject, type JsonValue } from "./canonical-json.ts";
export {
  entryHash,
  formatHead,
  genesisHash,
  linkNext,
  parseHead,
  verifyChain,
  type ChainedEntry,
  type ChainHead,
  type ChainLink,
  type ChainSummary,
  type Sha256,
} from "./chain.ts";
export { recordBody, recordChain, type RecordEntryFacts, type RecordEvent } from "./record-entry.ts";
export {
  auditBody,
  auditChain,
  type AuditAction,
  type AuditEntryFacts,
  type AuditOutcome,
  type AuditSource,
} from "./audit-entry.ts";
