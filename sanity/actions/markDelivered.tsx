import { CheckmarkCircleIcon } from "@sanity/icons";
import { useState } from "react";
import { useDocumentOperation, type DocumentActionComponent } from "sanity";

type OrderFields = { status?: string; fulfilment?: { status?: string } };

/**
 * For access products the team hands over by hand: records that the buyer has what they paid
 * for, which the buyer's order page shows. Orders are live-edited, so the patch lands on the
 * published order the storefront reads.
 */
export const MarkDeliveredAction: DocumentActionComponent = ({ id, type, published, draft, onComplete }) => {
  const { patch } = useDocumentOperation(id, type);
  const [busy, setBusy] = useState(false);
  const order = (published ?? draft) as OrderFields | null;
  if (!order) return null;
  const delivered = order.fulfilment?.status === "delivered";
  const disabledReason = delivered
    ? "Cette commande est déjà livrée."
    : order.status !== "paid"
      ? "Seule une commande payée peut être livrée."
      : undefined;
  return {
    label: busy ? "Enregistrement…" : "Marquer livrée",
    icon: CheckmarkCircleIcon,
    tone: "positive",
    disabled: busy || !!disabledReason || !!patch.disabled,
    title: disabledReason,
    onHandle: () => {
      setBusy(true);
      patch.execute([
        { setIfMissing: { fulfilment: {} } },
        { set: { "fulfilment.status": "delivered", "fulfilment.deliveredAt": new Date().toISOString() } },
      ]);
      setBusy(false);
      onComplete();
    },
  };
};
MarkDeliveredAction.displayName = "MarkDeliveredAction";
