import {
  readCheckoutForm,
  renderCheckoutPage,
  renderMessagePage,
  renderOutcomePage,
  validateCheckoutForm,
  type Brand,
  type Outcome,
  type Payer,
  type Wallets,
} from "./checkout";
import { readBody, redirect, sendHtml, type Res } from "./http";
import type { SandboxRoute } from "./server";

/**
 * The hosted payment page both sandboxes serve: GET shows the form, POST pays or cancels, then
 * sends the payer back to the store (or shows the outcome when the store gave no URL).
 */
export function hostedPageRoutes<P>(o: {
  /** The page's path; its one group is the payment's id. */
  pattern: RegExp;
  brand: Brand;
  wallets: Wallets;
  lateDelayMs: number;
  find: (id: string) => P | undefined;
  /** Whether the payer may pay now: nothing attempted yet, or a retry after a refusal or a cancel. */
  payable: (payment: P) => boolean;
  /** What the page shows above the form, and where the form posts. */
  summary: (payment: P) => { shopName: string; message?: string; amount: number; currency: string; action: string };
  /** The payer's choice; no payer when cancelled. */
  pay: (payment: P, outcome: Outcome, payer: Payer | null) => void;
  /** Where the payer goes after acting; empty to show the outcome on the page itself. */
  returnUrl: (payment: P, outcome: Outcome) => string;
  /** The pages for an unknown payment (404) and for one that can no longer be paid (409). */
  closed: {
    missing: [title: string, text: string];
    used: [title: string, text: string];
    backUrl: (payment: P) => string;
  };
}): SandboxRoute[] {
  const renderForm = (p: P, values?: { wallet?: string; phone?: string }, error?: string) =>
    renderCheckoutPage({ ...o.brand, ...o.summary(p), ...o.wallets, lateDelayMs: o.lateDelayMs, values, error });

  const closedPage = (res: Res, p: P | undefined) => {
    if (!p) return sendHtml(res, 404, renderMessagePage(o.brand, ...o.closed.missing));
    const href = o.closed.backUrl(p);
    const back = href ? { href, label: "Revenir à la boutique" } : undefined;
    sendHtml(res, 409, renderMessagePage(o.brand, ...o.closed.used, back));
  };

  return [
    {
      method: "GET",
      pattern: o.pattern,
      handler: (_req, res, [id]) => {
        const p = o.find(id!);
        if (!p || !o.payable(p)) return closedPage(res, p);
        sendHtml(res, 200, renderForm(p));
      },
    },
    {
      method: "POST",
      pattern: o.pattern,
      handler: async (req, res, [id]) => {
        const form = readCheckoutForm(await readBody(req, 16 * 1024));
        const p = o.find(id!);
        if (!p || !o.payable(p)) return closedPage(res, p);
        let outcome: Outcome = "cancelled";
        if (form.action === "cancel") o.pay(p, outcome, null);
        else {
          const v = validateCheckoutForm(o.wallets.countries, form);
          if (!v.ok) return sendHtml(res, 400, renderForm(p, form, v.error));
          outcome = v.outcome;
          o.pay(p, outcome, { phone: v.phone, country: v.country.code, operator: v.operator.name });
        }
        const target = o.returnUrl(p, outcome);
        return target ? redirect(res, target) : sendHtml(res, 200, renderOutcomePage(o.brand, outcome));
      },
    },
  ];
}
