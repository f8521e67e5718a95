/**
 * Provider statuses mapped to the three states an order cares about. Anything that is not
 * clearly a success or a failure stays pending: unknown is not failed.
 */
export type PaymentState = "paid" | "failed" | "pending";

const LYGOS_PAID = new Set(["success", "paid", "completed", "successful"]);
const LYGOS_FAILED = new Set(["failed", "cancelled", "canceled", "rejected", "expired"]);

const LENGO_PAID = new Set(["SUCCESS"]);
const LENGO_FAILED = new Set(["FAILED", "CANCELLED", "CANCELED", "EXPIRED"]);

/** The raw status as recorded on the order: providers send strings, Lengo occasionally a number. */
export function rawStatusText(raw: unknown): string {
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  return raw === null || raw === undefined ? "" : JSON.stringify(raw);
}

/** Lygos documents no status values; integrations see them in varying case. */
export function mapLygosStatus(raw: unknown): PaymentState {
  if (typeof raw !== "string") return "pending";
  const s = raw.trim().toLowerCase();
  if (LYGOS_PAID.has(s)) return "paid";
  if (LYGOS_FAILED.has(s)) return "failed";
  return "pending";
}

/** Lengo uses upper case; compared case-insensitively all the same. Numbers carry no documented meaning. */
export function mapLengoStatus(raw: unknown): PaymentState {
  if (typeof raw !== "string") return "pending";
  const s = raw.trim().toUpperCase();
  if (LENGO_PAID.has(s)) return "paid";
  if (LENGO_FAILED.has(s)) return "failed";
  return "pending";
}
