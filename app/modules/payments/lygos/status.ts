import type { PaymentState } from "../provider";

const PAID = new Set(["success", "paid", "completed", "successful"]);
const FAILED = new Set(["failed", "cancelled", "canceled", "rejected", "expired"]);

/** Lygos documents no status values; integrations see them in varying case. Unknown stays pending. */
export function mapLygosStatus(raw: unknown): PaymentState {
  if (typeof raw !== "string") return "pending";
  const s = raw.trim().toLowerCase();
  if (PAID.has(s)) return "paid";
  if (FAILED.has(s)) return "failed";
  return "pending";
}
