/**
 * The storefront records why an order moved, and each payment event's note, in English for
 * developers and logs (app/modules/order-state.server.ts, orders.server.ts, reconcile.server.ts);
 * stored orders keep those values. The merchant reads them in French: every phrase the storefront
 * writes is mapped here, and an unknown one is shown as stored.
 */
const STATUS: Record<string, string> = { pending: "en attente", failed: "échouée", expired: "expirée", paid: "payée" };

const PHRASES: [RegExp, (...groups: string[]) => string][] = [
  [/^payment started$/, () => "Paiement lancé"],
  [/^payment confirmed$/, () => "Paiement confirmé"],
  [/^payment failed$/, () => "Paiement refusé ou annulé"],
  [
    /^payment confirmed after the order was (\w+): honoured$/,
    (status) => `Paiement confirmé alors que la commande était ${STATUS[status!] ?? status} : honoré`,
  ],
  [
    /^no confirmed payment (\d+) min after the last attempt$/,
    (minutes) => `Aucun paiement confirmé ${minutes} min après la dernière tentative`,
  ],
  [/^free order: no payment needed$/, () => "Commande gratuite : aucun paiement nécessaire"],
  [
    /^second payment captured for an order already paid: to refund$/,
    () => "Second paiement reçu pour une commande déjà payée : à rembourser",
  ],
  [/^ignored: reference (.+) is not (.+)$/, (got, expected) => `Ignoré : la référence ${got} n'est pas ${expected}`],
  [
    /^ignored: the provider did not say the amount paid$/,
    () => "Ignoré : le prestataire n'a pas indiqué le montant payé",
  ],
  [/^ignored: amount (\S+) is not (\S+)$/, (got, expected) => `Ignoré : le montant ${got} n'est pas ${expected}`],
  [/^ignored: currency (\S+) is not (\S+)$/, (got, expected) => `Ignoré : la devise ${got} n'est pas ${expected}`],
];

export function frenchReason(reason: string): string {
  for (const [pattern, french] of PHRASES) {
    const match = pattern.exec(reason);
    if (match) return french(...match.slice(1));
  }
  return reason;
}

const EVENT_STATES: Record<string, string> = {
  pending: "En attente",
  paid: "Payé",
  failed: "Échoué",
  expired: "Expiré",
  rejected: "Ignoré",
  duplicate: "Paiement en double",
};

const EVENT_SOURCES: Record<string, string> = {
  checkout: "paiement",
  return: "retour du client",
  callback: "notification du prestataire",
  reconcile: "vérification",
  "order-page": "page de commande",
  free: "commande gratuite",
  claim: "réclamation",
  studio: "Studio",
};

/** A payment log entry's title: its state and where it came from, in French. */
export function paymentEventTitle(state: string | undefined, source: string | undefined): string {
  return `${state ? (EVENT_STATES[state] ?? state) : "?"} (${source ? (EVENT_SOURCES[source] ?? source) : "?"})`;
}
