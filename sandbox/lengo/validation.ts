import { sendProviderJson } from "../shared/faults";
import { isRecord, parseJson, readBody, sendHtml, type Req, type Res } from "../shared/http";

/**
 * How Lengo (Laravel) words what it refuses: `{error: "Unauthorized !"}` with 401, `{status: "ERROR",
 * message}` with 400 or 404, and Laravel's HTML pages for 5xx and unknown paths.
 */

export const unauthorized = (res: Res) => sendProviderJson(res, 401, { error: "Unauthorized !" });
export const error400 = (res: Res, message: string) => sendProviderJson(res, 400, { status: "ERROR", message });

/** The JSON object body, or null when empty, unparsable or not an object (the caller answers "Missing body fields"). */
export async function readBodyObject(req: Req) {
  const parsed = parseJson(await readBody(req));
  return parsed.ok && isRecord(parsed.value) ? parsed.value : null;
}

export const present = (v: unknown) => v !== undefined && v !== null && v !== "";

/** 100 GNF was refused and 1 000 GNF accepted in production; the others are guesses of the same order. */
const MIN_AMOUNT: Record<string, number> = { GNF: 1000, XOF: 100, XAF: 100, USD: 1, EUR: 1 };

/** The amount as an integer of at least the currency's minimum (digit strings accepted), or null. */
export function acceptedAmount(raw: unknown, currency: string) {
  const amount = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : raw;
  return typeof amount === "number" && Number.isSafeInteger(amount) && amount >= (MIN_AMOUNT[currency] ?? 1)
    ? amount
    : null;
}

const htmlPage = (status: number, title: string) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body><div class="code">${status}</div><div class="message">${title}</div></body>\n</html>\n`;

/** What Laravel answers for gateway errors and for unknown paths and methods. */
export const frontErrors = {
  error5xx: (status: number) => ({
    body: htmlPage(status, status === 500 ? "Server Error" : status === 503 ? "Service Unavailable" : "Bad Gateway"),
    type: "text/html; charset=UTF-8",
  }),
  notFound: (res: Res, pathKnown: boolean) =>
    pathKnown
      ? sendHtml(res, 405, htmlPage(405, "Method Not Allowed"))
      : sendHtml(res, 404, htmlPage(404, "Not Found")),
};
