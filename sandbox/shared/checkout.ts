/** What the hosted payment pages of both sandboxes share: wallets, test numbers, the form. */

export interface Operator {
  id: string;
  name: string;
}

export interface Country {
  code: string;
  name: string;
  dial: string;
  operators: Operator[];
}

const op = (name: string): Operator => ({ id: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"), name });

/** The countries and operators Lygos serves (docs/providers/lygos.md). */
export const LYGOS_COUNTRIES: Country[] = [
  { code: "BJ", name: "Bénin", dial: "229", operators: [op("MTN"), op("Moov")] },
  { code: "CM", name: "Cameroun", dial: "237", operators: [op("MTN")] },
  { code: "BF", name: "Burkina Faso", dial: "226", operators: [op("Moov")] },
  { code: "CG", name: "Congo", dial: "242", operators: [op("MTN")] },
  { code: "CD", name: "RD Congo", dial: "243", operators: [op("Orange Money"), op("Vodacom"), op("Airtel")] },
  { code: "CI", name: "Côte d'Ivoire", dial: "225", operators: [op("MTN"), op("Orange Money"), op("Wave")] },
  { code: "GA", name: "Gabon", dial: "241", operators: [op("Airtel")] },
  { code: "KE", name: "Kenya", dial: "254", operators: [op("M-Pesa")] },
  { code: "RW", name: "Rwanda", dial: "250", operators: [op("MTN"), op("Airtel")] },
  { code: "SN", name: "Sénégal", dial: "221", operators: [op("Free"), op("Orange Money"), op("Wave")] },
  { code: "TZ", name: "Tanzanie", dial: "255", operators: [op("Airtel"), op("Tigo"), op("Halotel")] },
  { code: "ZM", name: "Zambie", dial: "260", operators: [op("Airtel"), op("MTN")] },
];

/** Lengo is a Guinean gateway: Guinea first, then the same wallets as Lygos. */
export const LENGO_COUNTRIES: Country[] = [
  { code: "GN", name: "Guinée", dial: "224", operators: [op("Orange Money"), op("MTN")] },
  ...LYGOS_COUNTRIES,
];

export type Outcome = "success" | "success_variant" | "failed" | "pending" | "late" | "expired" | "cancelled";

export const OUTCOMES: readonly Outcome[] = [
  "success",
  "success_variant",
  "failed",
  "pending",
  "late",
  "expired",
  "cancelled",
];

/** A provider's raw status for each outcome: `now` at once, then `later` once the test delay is over. */
export type StatusTable = Record<Outcome, { now: string; later?: string }>;

/** A status change that is due at `at` (ms since the epoch). */
export type ScheduledStatus = { status: string; at: number };

export function statusesFor(
  table: StatusTable,
  outcome: Outcome,
  delayMs: number,
): { status: string; next: ScheduledStatus | null } {
  const s = table[outcome];
  return { status: s.now, next: s.later ? { status: s.later, at: Date.now() + delayMs } : null };
}

/** Matched on the end of the number, so a country code or a leading 0 in front does not matter. */
export const TEST_NUMBERS: readonly { number: string; outcome: Outcome; label: string }[] = [
  { number: "600000001", outcome: "success", label: "paiement réussi" },
  { number: "600000002", outcome: "failed", label: "paiement refusé (solde insuffisant)" },
  { number: "600000003", outcome: "pending", label: "reste en attente (le payeur ne valide jamais)" },
  { number: "600000004", outcome: "late", label: "réussi, mais quelques secondes après le retour à la boutique" },
  { number: "600000005", outcome: "expired", label: "en attente, puis expiré quelques secondes après le retour" },
  { number: "600000006", outcome: "success_variant", label: "réussi, statut écrit autrement (Lygos : « SUCCESSFUL »)" },
];

/** Any other well-formed number pays, so that a demo works with whatever the tester types. */
export function outcomeForPhone(phone: string): Outcome {
  return TEST_NUMBERS.find((t) => phone.endsWith(t.number))?.outcome ?? "success";
}

/** Digits only, 8 to 15 of them (E.164 allows 15), or null. */
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[\s.\-()]/g, "").replace(/^(\+|00)/, "");
  return /^\d{8,15}$/.test(digits) ? digits : null;
}

/** `{"outcome": "success"}` or `{"phone": "600000002"}`; optional wallet ("CM:mtn") and delayMs. */
export function parseCompleteBody(
  body: Record<string, unknown> | null,
): { outcome: Outcome; phone: string; wallet?: string; delayMs?: number } | { error: string } {
  if (!body) return { error: "body must be a JSON object" };
  const phone = typeof body.phone === "string" ? normalizePhone(body.phone) : null;
  if (body.phone !== undefined && !phone) return { error: "phone must be 8 to 15 digits" };
  const outcome = body.outcome ?? (phone ? outcomeForPhone(phone) : undefined);
  if (typeof outcome !== "string" || !(OUTCOMES as readonly string[]).includes(outcome)) {
    return { error: `outcome must be one of ${OUTCOMES.join(", ")} (or give a test phone number)` };
  }
  if (body.delayMs !== undefined && !(Number.isInteger(body.delayMs) && (body.delayMs as number) >= 0)) {
    return { error: "delayMs must be a non-negative integer" };
  }
  if (body.wallet !== undefined && typeof body.wallet !== "string")
    return { error: "wallet must be a string like CM:mtn" };
  return {
    outcome: outcome as Outcome,
    phone: phone ?? TEST_NUMBERS.find((t) => t.outcome === outcome)?.number ?? "600000001",
    wallet: body.wallet as string | undefined,
    delayMs: body.delayMs as number | undefined,
  };
}

export function findWallet(countries: Country[], value: string) {
  const [code, opId] = value.split(":");
  const country = countries.find((c) => c.code === code);
  const operator = country?.operators.find((o) => o.id === opId);
  return country && operator ? { country, operator } : null;
}

/** What a hosted page offers: its countries and the wallet ("CM:mtn") selected at first. */
export interface Wallets {
  countries: Country[];
  defaultWallet: string;
}

/** Who paid, as the hosted page records it. */
export interface Payer {
  phone: string;
  country: string;
  operator: string;
}

export interface CheckoutForm {
  action: "pay" | "cancel";
  wallet: string;
  phone: string;
}

export function readCheckoutForm(body: string): CheckoutForm {
  const form = new URLSearchParams(body);
  return {
    action: form.get("action") === "cancel" ? "cancel" : "pay",
    wallet: form.get("wallet") ?? "",
    phone: form.get("phone") ?? "",
  };
}

/** Validates a submitted form; errors are French because the payer reads them. */
export function validateCheckoutForm(countries: Country[], form: CheckoutForm) {
  const wallet = findWallet(countries, form.wallet);
  if (!wallet) return { ok: false as const, error: "Choisissez un pays et un opérateur dans la liste." };
  const phone = normalizePhone(form.phone);
  if (!phone) return { ok: false as const, error: "Saisissez un numéro de téléphone valide (8 à 15 chiffres)." };
  return { ok: true as const, ...wallet, phone, outcome: outcomeForPhone(phone) };
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

export function formatMoney(amount: number, currency: string) {
  const n = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 }).format(amount);
  return currency === "XAF" || currency === "XOF" ? `${n} F CFA` : `${n} ${currency}`;
}

export interface Brand {
  provider: string;
  accent: string;
}

function layout(brand: Brand, title: string, body: string) {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · ${esc(brand.provider)}</title>
<style>
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f4f7;color:#1d1d29}
main{max-width:26rem;margin:0 auto;padding:1rem}
header{display:flex;justify-content:space-between;align-items:center;margin-bottom:1rem}
.brand{font-weight:700;color:${brand.accent}}
.tag{font-size:.75rem;background:#fff3cd;color:#6b4e00;border-radius:1rem;padding:.1rem .6rem}
.card{background:#fff;border-radius:.75rem;padding:1rem;box-shadow:0 1px 3px rgba(0,0,0,.08);margin-bottom:1rem}
.amount{font-size:1.75rem;font-weight:700;margin:.25rem 0}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
select,input{width:100%;font:inherit;padding:.65rem;border:1px solid #b9b9c6;border-radius:.5rem;background:#fff}
button{width:100%;font:inherit;font-weight:700;padding:.8rem;border:0;border-radius:.5rem;margin-top:1rem;background:${brand.accent};color:#fff}
button.secondary{background:transparent;color:#444;border:1px solid #b9b9c6;font-weight:400;margin-top:.5rem}
.error{background:#fde8e8;color:#8a1c1c;border-radius:.5rem;padding:.6rem .8rem}
.muted{color:#5c5c6e;font-size:.875rem}
table{width:100%;border-collapse:collapse;font-size:.875rem}
td{padding:.25rem 0;vertical-align:top}
td:first-child{font-family:ui-monospace,monospace;white-space:nowrap;padding-right:.75rem}
a{color:${brand.accent}}
</style>
</head>
<body><main>
<header><span class="brand">${esc(brand.provider)}</span><span class="tag">Bac à sable</span></header>
${body}
<p class="muted">Environnement de test : aucun argent réel n'est débité.</p>
</main></body>
</html>`;
}

export interface CheckoutPageOptions extends Brand {
  shopName: string;
  message?: string;
  amount: number;
  currency: string;
  action: string;
  countries: Country[];
  defaultWallet: string;
  lateDelayMs: number;
  values?: { wallet?: string; phone?: string };
  error?: string;
}

export function renderCheckoutPage(o: CheckoutPageOptions) {
  const selected = o.values?.wallet || o.defaultWallet;
  const groups = o.countries
    .map(
      (c) =>
        `<optgroup label="${esc(c.name)} (+${c.dial})">${c.operators
          .map((op) => {
            const v = `${c.code}:${op.id}`;
            return `<option value="${v}"${v === selected ? " selected" : ""}>${esc(op.name)} — ${esc(c.name)}</option>`;
          })
          .join("")}</optgroup>`,
    )
    .join("");
  const seconds = Math.max(1, Math.round(o.lateDelayMs / 1000));
  const rows = TEST_NUMBERS.map(
    (t) => `<tr><td>${t.number}</td><td>${esc(t.label.replace("quelques secondes", `environ ${seconds} s`))}</td></tr>`,
  ).join("");
  return layout(
    o,
    "Paiement",
    `<section class="card">
<div class="muted">Paiement à ${esc(o.shopName)}</div>
<div class="amount">${esc(formatMoney(o.amount, o.currency))}</div>
${o.message ? `<div>${esc(o.message)}</div>` : ""}
</section>
<form class="card" method="post" action="${esc(o.action)}">
${o.error ? `<p class="error" role="alert">${esc(o.error)}</p>` : ""}
<label for="wallet">Pays et opérateur</label>
<select id="wallet" name="wallet" required>${groups}</select>
<label for="phone">Numéro mobile money</label>
<input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" required value="${esc(o.values?.phone ?? "")}" placeholder="6 90 00 00 00">
<button type="submit" name="action" value="pay">Payer ${esc(formatMoney(o.amount, o.currency))}</button>
<button type="submit" name="action" value="cancel" class="secondary" formnovalidate>Annuler et revenir à la boutique</button>
</form>
<section class="card">
<strong>Numéros de test</strong>
<table>${rows}<tr><td>autre</td><td>paiement réussi</td></tr></table>
</section>`,
  );
}

export function renderMessagePage(brand: Brand, title: string, text: string, link?: { href: string; label: string }) {
  return layout(
    brand,
    title,
    `<section class="card"><h1 style="font-size:1.25rem;margin:0 0 .5rem">${esc(title)}</h1><p>${esc(text)}</p>${
      link ? `<p><a href="${esc(link.href)}">${esc(link.label)}</a></p>` : ""
    }</section>`,
  );
}

/** The page a payer sees after paying when the store gave no return URL. */
export function renderOutcomePage(brand: Brand, outcome: Outcome) {
  switch (outcome) {
    case "success":
    case "success_variant":
      return renderMessagePage(
        brand,
        "Paiement réussi",
        "Votre paiement a été accepté. Vous pouvez fermer cette page.",
      );
    case "failed":
      return renderMessagePage(
        brand,
        "Paiement refusé",
        "L'opérateur a refusé le paiement. Aucun montant n'a été débité.",
      );
    case "cancelled":
      return renderMessagePage(brand, "Paiement annulé", "Vous avez annulé le paiement.");
    default:
      return renderMessagePage(
        brand,
        "Paiement en cours",
        "Validez le paiement sur votre téléphone. La boutique sera informée dès que l'opérateur l'aura confirmé.",
      );
  }
}
