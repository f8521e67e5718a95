import type { ReactNode } from "react";
import type { LineDeliveryView } from "~/modules/orders/order-page.server";
import { whatsappLink } from "~/lib/whatsapp";
import { AccessCode } from "./AccessCode";

export interface OrderDeliveryProps {
  number: string;
  whatsappNumber: string | null;
  delivery: { lines: LineDeliveryView[]; expiresAt: string | null; expired: boolean };
  /** « Renvoyer mes accès », under the codes. */
  resend?: ReactNode;
}

const dateFormat = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Africa/Douala",
});

function fileSize(bytes: number | null): string {
  if (!bytes) return "";
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} Ko`
    : `${(bytes / (1024 * 1024)).toFixed(1).replace(".", ",")} Mo`;
}

/** What the buyer paid for: download buttons, codes, or when and how access comes. */
export function OrderDelivery({ number, whatsappNumber, delivery, resend }: OrderDeliveryProps) {
  const moreDownloads = whatsappLink(
    whatsappNumber,
    `Bonjour, j'ai besoin de nouveaux téléchargements pour ma commande ${number}.`,
  );
  const accessHelp = whatsappLink(whatsappNumber, `Bonjour, j'attends mon accès pour la commande ${number}.`);
  return (
    <section aria-labelledby="livraison" className="mt-6 space-y-4" data-testid="order-delivery">
      <h2 id="livraison" className="text-lg font-extrabold text-slate-900 dark:text-white">
        Vos produits
      </h2>
      {delivery.lines.map((line) => (
        <div
          key={line.lineKey}
          className="rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          <p className="font-bold">{line.title}</p>
          {line.kind === "file" ? (
            delivery.expired ? (
              <p className="mt-2 text-sm" data-testid="download-expired">
                Le délai de téléchargement de cette commande est dépassé.{" "}
                <a
                  href={moreDownloads}
                  className="font-semibold text-whatsapp-dark underline dark:text-whatsapp"
                  rel="noopener noreferrer"
                >
                  Demandez un nouveau lien sur WhatsApp
                </a>
                .
              </p>
            ) : (
              <ul className="mt-3 space-y-3">
                {line.files.map((file) => (
                  <li key={file.key} data-testid="download" className="space-y-1">
                    {file.exhausted ? (
                      <p className="text-sm" data-testid="download-exhausted">
                        {file.title} : vous avez utilisé vos {file.limit} téléchargements.{" "}
                        <a
                          href={moreDownloads}
                          className="font-semibold text-whatsapp-dark underline dark:text-whatsapp"
                          rel="noopener noreferrer"
                        >
                          Demandez-en d'autres sur WhatsApp
                        </a>
                        .
                      </p>
                    ) : (
                      <>
                        <a href={file.href} download className="btn-primary w-full" data-testid="download-link">
                          Télécharger « {file.title} »
                        </a>
                        <p className="text-xs text-slate-500 dark:text-slate-400">
                          {[file.filename, fileSize(file.size)].filter(Boolean).join(" · ")} — {file.limit - file.used}{" "}
                          téléchargement
                          {file.limit - file.used > 1 ? "s" : ""} restant{file.limit - file.used > 1 ? "s" : ""}
                        </p>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )
          ) : line.access.length ? (
            <div className="mt-2 space-y-2" data-testid="access-delivered">
              <p className="text-sm">Votre accès :</p>
              {line.access.map((code) => (
                <AccessCode key={code} code={code} />
              ))}
              {line.stepsHtml ? (
                <div data-testid="activation-steps">
                  <h3 className="font-bold">Étapes d'activation</h3>
                  <div className="rich-text mt-1 text-sm" dangerouslySetInnerHTML={{ __html: line.stepsHtml }} />
                </div>
              ) : null}
            </div>
          ) : line.waiting ? (
            <div className="mt-2 space-y-2 text-sm" data-testid="access-waiting">
              <p>
                Votre accès est activé par notre équipe, en général en moins de 2 heures (de 8 h à 21 h, heure de
                Douala). Nous vous écrivons sur WhatsApp dès que c'est fait, et il s'affichera aussi ici.
              </p>
              <a href={accessHelp} className="btn-whatsapp w-full" rel="noopener noreferrer">
                Suivre mon accès sur WhatsApp
              </a>
            </div>
          ) : (
            <p className="mt-2 text-sm" data-testid="access-delivered">
              Votre accès est activé : nos instructions vous ont été envoyées sur WhatsApp.
            </p>
          )}
        </div>
      ))}
      {resend}
      {delivery.expiresAt && !delivery.expired && delivery.lines.some((line) => line.files.length) ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Liens de téléchargement valables jusqu'au {dateFormat.format(new Date(delivery.expiresAt))}. Gardez cette page
          : c'est votre accès à votre commande.
        </p>
      ) : null}
    </section>
  );
}
