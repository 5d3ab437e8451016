import type { PaymentEvent } from "../domain/applications/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import type { Result } from "../domain/common/result.ts";

/** One payment event read from a provider, with the input line it came from (for a file import). */
export interface SourcedPaymentEvent {
  readonly event: PaymentEvent;
  readonly line?: number;
}

/**
 * Where payment events come from: a provider's signed webhook, or a reconciliation file exported from
 * the provider. Both turn their input into the same events, so one service applies them; a source
 * that cannot verify or parse its input says why and yields nothing.
 */
export interface PaymentSource {
  /** Names the source in the audit log and on each stored event (`stripe-webhook`, `csv-import`). */
  readonly name: string;
  /** Reads events from the raw input; `signature` is the provider's header when there is one. */
  read(raw: string, signature?: string): Result<readonly SourcedPaymentEvent[], Problem[]>;
}
