import type { SanityDocument } from "@sanity/client";
import { sendMail, type Mail } from "../platform/mail.server";
import type { MailNotice } from "../orders/order-document";
import { writeWithRevision } from "../platform/revise.server";
import { getSanityWriteClient } from "../platform/sanity.server";

/**
 * An e-mail sent exactly once for an event recorded on a document (a refund notice on an order, a
 * merchant alert on an order or a code pool), whoever runs it: the webhook, the reconciler's sweep
 * or a request, on any instance. Like the receipt (decision 006): the notice at `path` is claimed
 * with a revision-checked write before sending; success records `sentAt`, failure releases the
 * claim with the error for the next sweep. A claim older than CLAIM_STALE_MS (the process died
 * mid-send) may be taken again: at most one duplicate in that crash case, never a lost e-mail.
 */
const CLAIM_STALE_MS = 10 * 60_000;
export type NoticeResult = "sent" | "skipped" | "failed";

type Change = Record<string, unknown> | undefined;

/** One revision-checked `set` (revise.server.ts). Returns the written document, or null when nothing was to write. */
async function revise<T>(
  id: string,
  decide: (doc: T & SanityDocument) => Change,
): Promise<(T & SanityDocument) | null> {
  const client = getSanityWriteClient();
  const { written } = await writeWithRevision(
    client,
    id,
    async () => (await client.getDocument<T & SanityDocument>(id)) ?? undefined,
    (doc) => {
      const set = decide(doc);
      return set && ((patch) => patch.set(set));
    },
  );
  return (written as (T & SanityDocument) | undefined) ?? null;
}

export async function sendNoticeOnce<T>(
  id: string,
  /** A set-path on the document, e.g. `refund.mail` or `claims[_key=="k"].alert`. */
  path: string,
  /** The notice as it stands; undefined when the event does not (or no longer) call for a mail. */
  noticeOf: (doc: T) => MailNotice | undefined | null,
  build: (doc: T) => Promise<Mail | null> | Mail | null,
): Promise<NoticeResult> {
  const claimedAt = new Date().toISOString();
  const claimed = await revise<T>(id, (doc) => {
    const notice = noticeOf(doc);
    if (notice === undefined || notice?.sentAt) return undefined;
    if (notice?.claimedAt && Date.now() - Date.parse(notice.claimedAt) < CLAIM_STALE_MS) return undefined;
    return { [path]: { ...notice, claimedAt } };
  });
  if (!claimed) return "skipped";
  const settle = (fields: MailNotice) =>
    revise<T>(id, (doc) => (noticeOf(doc)?.claimedAt === claimedAt ? { [path]: fields } : undefined));
  try {
    const mail = await build(claimed);
    if (mail) await sendMail(mail);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${path} of ${id} not sent (retried later): ${message}`);
    await settle({ error: message.slice(0, 300) }).catch(() => undefined);
    return "failed";
  }
  await settle({ claimedAt, sentAt: new Date().toISOString() });
  return "sent";
}
