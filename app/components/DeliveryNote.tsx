import { Icon } from "./Icon";

const NOTES = {
  file: { icon: "download", text: "Téléchargement immédiat après le paiement, et lien envoyé par e-mail." },
  code: { icon: "key", text: "Code d'accès affiché et envoyé par e-mail dès le paiement confirmé." },
  manual: { icon: "whatsapp", text: "Accès activé par notre équipe sur WhatsApp après le paiement." },
} as const;

export function DeliveryNote({
  kind,
  accessDelivery,
}: {
  kind: "file" | "access";
  accessDelivery: "code" | "manual" | null;
}) {
  const note = NOTES[kind === "file" ? "file" : (accessDelivery ?? "manual")];
  return (
    <p className="flex items-start gap-2 rounded-xl bg-brand/5 p-3 text-sm text-slate-700 dark:bg-brand/10 dark:text-slate-300">
      <Icon name={note.icon} className="mt-0.5 h-4 w-4 shrink-0 text-brand dark:text-brand-light" />
      {note.text}
    </p>
  );
}
