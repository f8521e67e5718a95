import { z } from "zod";
import type { ParsedCallback, PaymentState } from "../provider";
import { amountSchema } from "./client.server";
import { mapLengoStatus, rawStatusText } from "./status";

/** Lengo's callback body (docs/providers/lengo.md): unsigned, so only ever a reason to ask. */
const callbackSchema = z.object({
  pay_id: z.string().min(1),
  status: z.union([z.string().min(1), z.number()]),
  amount: amountSchema,
  message: z.string().nullish(),
  // The documentation spells it `Client`, other integrations `client`.
  Client: z.union([z.string(), z.number()]).nullish(),
  client: z.union([z.string(), z.number()]).nullish(),
});

export interface LengoCallback extends ParsedCallback {
  /** The `pay_id`. */
  reference: string;
  rawStatus: string;
  /** What the callback claims. Never act on it alone: ask `getStatus` and compare. */
  claimedState: PaymentState;
  amount: number;
  message: string;
  payer?: string;
}

/** Parses a callback body (unsigned: anyone can post one). */
export function parseLengoCallback(
  body: unknown,
): { ok: true; callback: LengoCallback } | { ok: false; error: string } {
  const parsed = callbackSchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      error: parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; "),
    };
  }
  const d = parsed.data;
  const payer = d.Client ?? d.client;
  return {
    ok: true,
    callback: {
      reference: d.pay_id,
      rawStatus: rawStatusText(d.status),
      claimedState: mapLengoStatus(d.status),
      amount: d.amount,
      message: d.message ?? "",
      payer: payer === null || payer === undefined || payer === "" ? undefined : String(payer),
    },
  };
}
