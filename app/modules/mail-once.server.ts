import { sendMail, type Mail } from "./mail.server";
import { reviseOrder, type MailNotice, type Order } from "./orders.server";

/**
 * An e-mail sent exactly once for an event recorded on an order (a refund notice, a merchant
 * alert), whoever runs it: the webhook, the reconciler's sweep, a request, on any instance. Like
 * the receipt (decision 006): the notice at `path` is claimed with a revision-checked write before
 * sending; success records `sentAt`, failure releases the claim with the error for the next sweep.
 * A claim older than CLAIM_STALE_MS (the process died mid-send) may be taken again: at most one
 * duplicate in that crash case, never a lost e-mail.
 */
const CLAIM_STALE_MS = 10 * 60_000;

export type NoticeResult = "sent" | "skipped" | "failed";

export async function sendNoticeOnce(
  orderId: string,
  /** A set-path on the order, e.g. `refund.mail` or `claims[_key=="k"].alert`. */
  path: string,
  /** The notice as it stands on this revision; undefined when the event does not (or no longer) call for a mail. */
  noticeOf: (order: Order) => MailNotice | undefined | null,
  build: (order: Order) => Promise<Mail | null> | Mail | null,
): Promise<NoticeResult> {
  const claimedAt = new Date().toISOString();
  const claim = await reviseOrder(orderId, (current) => {
    const notice = noticeOf(current);
    if (notice === undefined || notice?.sentAt) return undefined;
    if (notice?.claimedAt && Date.now() - Date.parse(notice.claimedAt) < CLAIM_STALE_MS) return undefined;
    return (patch) => patch.set({ [path]: { ...notice, claimedAt } });
  });
  if (!claim.changed) return "skipped";
  const settle = (fields: MailNotice) =>
    reviseOrder(orderId, (current) => {
      const notice = noticeOf(current);
      if (notice?.claimedAt !== claimedAt) return undefined;
      return (patch) => patch.set({ [path]: fields });
    });
  try {
    const mail = await build(claim.order);
    if (mail) await sendMail(mail);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${path} of ${orderId} not sent (retried later): ${message}`);
    await settle({ error: message.slice(0, 300) }).catch(() => undefined);
    return "failed";
  }
  await settle({ claimedAt, sentAt: new Date().toISOString() });
  return "sent";
}
