import { applicationId, providerEventId } from "../../domain/applications/index.ts";
import { problem, type Problem } from "../../domain/common/problem.ts";
import { err, ok } from "../../domain/common/result.ts";
import type { PaymentSource, SourcedPaymentEvent } from "../../ports/payments.ts";
import { readCsvTable } from "../csv/read-csv-table.ts";

// A reconciliation file exported from the provider, one payment event per line:
//   event_id,application_id,kind,charge_id,amount_pence,occurred_at
// Every bad line is reported (line and column); one bad line means nothing is imported.

const columns = ["event_id", "application_id", "kind", "charge_id", "amount_pence", "occurred_at"] as const;
const kinds = new Set(["succeeded", "failed", "refunded"]);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The CSV reconciliation source. */
export const reconciliationCsvSource: PaymentSource = {
  name: "csv-import",
  read(raw) {
    const table = readCsvTable(raw, columns, "payment.import-bad-row", true);
    if (!table.ok) return table;
    const rows = table.value;
    const problems: Problem[] = [];
    const events: SourcedPaymentEvent[] = [];
    const seen = new Map<string, number>();
    rows.slice(1).forEach((r, i) => {
      const line = i + 2;
      const bad = (field: string, value: string, reason: string) =>
        problems.push(problem("payment.import-bad-row", { line, field, value, facts: { reason } }));
      if (r.length !== columns.length)
        return bad("row", r.join(","), `expected ${columns.length} columns, found ${r.length}`);
      const [eventId, app, kind, charge, amount, at] = r.map((v) => v.trim()) as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      if (eventId === "") bad("event_id", eventId, "empty");
      else if (seen.has(eventId)) bad("event_id", eventId, `the same event is on line ${seen.get(eventId)}`);
      else seen.set(eventId, line);
      if (!uuid.test(app)) bad("application_id", app, "not an application id");
      if (!kinds.has(kind)) bad("kind", kind, "expected succeeded, failed or refunded");
      if (charge === "") bad("charge_id", charge, "empty");
      if (!/^\d{1,9}$/.test(amount)) bad("amount_pence", amount, "not a whole number of pence");
      const when = new Date(at);
      if (!/^\d{4}-\d{2}-\d{2}T/.test(at) || Number.isNaN(when.getTime()))
        bad("occurred_at", at, "not an ISO date-time");
      events.push({
        line,
        event: {
          providerEventId: providerEventId(eventId),
          applicationId: applicationId(app),
          kind: kind as "succeeded",
          chargeId: charge,
          amountPence: Number(amount),
          occurredAt: when,
        },
      });
    });
    return problems.length > 0 ? err(problems) : ok(events);
  },
};
