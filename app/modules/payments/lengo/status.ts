import type { PaymentState } from "../provider";

const PAID = new Set(["SUCCESS"]);
const FAILED = new Set(["FAILED", "CANCELLED", "CANCELED", "EXPIRED"]);

/** Lengo uses upper case; compared case-insensitively all the same. Numbers carry no documented meaning. */
export function mapLengoStatus(raw: unknown): PaymentState {
  if (typeof raw !== "string") return "pending";
  const s = raw.trim().toUpperCase();
  if (PAID.has(s)) return "paid";
  if (FAILED.has(s)) return "failed";
  return "pending";
}

/** The raw status as recorded on the order: Lengo sends strings, occasionally a number. */
export function rawStatusText(raw: unknown): string {
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  return raw === null || raw === undefined ? "" : JSON.stringify(raw);
}
