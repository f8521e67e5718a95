import { CheckmarkCircleIcon } from "@sanity/icons/CheckmarkCircle";
import { Box, Button, Flex, Stack, Text, TextArea } from "@sanity/ui";
import { useId, useState } from "react";
import { useDocumentOperation, type DocumentActionComponent } from "sanity";
import { linesToDeliver, markDeliveredPatches, type DeliverableOrder, type OrderLine } from "./manualDelivery";

/**
 * For access products the team hands over by hand: the merchant writes what the buyer needs
 * (credentials, activation link, code) for each access line still waiting, which the buyer's
 * order page then shows, and the order becomes delivered. Orders are live-edited, so the patch
 * lands on the published order the storefront reads.
 */
export const MarkDeliveredAction: DocumentActionComponent = ({ id, type, published, draft, onComplete }) => {
  const { patch } = useDocumentOperation(id, type);
  const [open, setOpen] = useState(false);
  const [handedOver, setHandedOver] = useState<Record<string, string>>({});
  const fieldId = useId();
  const order = (published ?? draft) as DeliverableOrder | null;
  if (!order) return null;
  const disabledReason =
    order.fulfilment?.status === "delivered"
      ? "Cette commande est déjà livrée."
      : order.status !== "paid"
        ? "Seule une commande payée peut être livrée."
        : undefined;
  const close = () => {
    setOpen(false);
    setHandedOver({});
    onComplete();
  };
  const confirm = () => {
    patch.execute(markDeliveredPatches(order, handedOver, { now: new Date().toISOString() }));
    close();
  };
  return {
    label: "Marquer livrée",
    icon: CheckmarkCircleIcon,
    tone: "positive",
    disabled: !!disabledReason || !!patch.disabled,
    title: disabledReason,
    onHandle: () => setOpen(true),
    dialog: open
      ? {
          type: "dialog",
          header: "Marquer la commande livrée",
          onClose: close,
          width: "medium",
          content: (
            <HandOverForm
              lines={linesToDeliver(order)}
              fieldId={fieldId}
              values={handedOver}
              onChange={(lineKey, value) => setHandedOver((current) => ({ ...current, [lineKey]: value }))}
            />
          ),
          footer: (
            <Flex gap={2} justify="flex-end" padding={3}>
              <Button mode="ghost" text="Annuler" onClick={close} />
              <Button tone="positive" icon={CheckmarkCircleIcon} text="Confirmer la livraison" onClick={confirm} />
            </Flex>
          ),
        }
      : false,
  };
};
MarkDeliveredAction.displayName = "MarkDeliveredAction";

function HandOverForm({
  lines,
  fieldId,
  values,
  onChange,
}: {
  lines: OrderLine[];
  fieldId: string;
  values: Record<string, string>;
  onChange: (lineKey: string, value: string) => void;
}) {
  if (!lines.length) {
    return (
      <Box padding={4}>
        <Text size={1}>Tous les accès de cette commande sont déjà remis : elle passera à « Livrée ».</Text>
      </Box>
    );
  }
  return (
    <Stack gap={5} padding={4}>
      <Text size={1} muted>
        Saisissez ce dont le client a besoin (identifiants, lien d'activation, code) : il le verra sur la page de sa
        commande. Laissez vide si vous lui avez tout envoyé sur WhatsApp : sa page indiquera que les instructions lui
        ont été envoyées.
      </Text>
      {lines.map((line) => (
        <Stack key={line._key} gap={3}>
          <Text as="label" htmlFor={`${fieldId}-${line._key}`} size={1} weight="semibold">
            Accès pour « {line.title ?? line.productId ?? line._key} »
            {(line.quantity ?? 1) > 1 ? ` (× ${line.quantity})` : ""}
          </Text>
          <TextArea
            id={`${fieldId}-${line._key}`}
            rows={3}
            maxLength={2000}
            placeholder="Ex. identifiant, mot de passe, lien d'activation…"
            value={values[line._key] ?? ""}
            onChange={(event) => onChange(line._key, event.currentTarget.value)}
          />
        </Stack>
      ))}
    </Stack>
  );
}
