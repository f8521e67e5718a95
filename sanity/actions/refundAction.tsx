import { ResetIcon } from "@sanity/icons/Reset";
import { Box, Button, Card, Checkbox, Flex, Stack, Text, TextArea, TextInput } from "@sanity/ui";
import { useId, useState } from "react";
import { useDocumentOperation, type DocumentActionComponent } from "sanity";
import { poolCodes, refundPatches, refundProblem, type RefundableOrder } from "./refund";

/**
 * « Rembourser »: the providers have no refund API, so the merchant refunds by hand (mobile money
 * transfer) and records it here. The order is live-edited: the patch lands on the published
 * order, which cuts its downloads and codes at once on the storefront.
 */
export const RefundAction: DocumentActionComponent = ({ id, type, published, draft, onComplete }) => {
  const { patch } = useDocumentOperation(id, type);
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [unused, setUnused] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const fieldId = useId();
  const order = (published ?? draft) as RefundableOrder | null;
  if (!order) return null;
  const disabledReason =
    order.status === "refunded"
      ? "Cette commande est déjà remboursée."
      : order.status !== "paid"
        ? "Seule une commande payée peut être remboursée."
        : undefined;
  const input = { amount: Number(amount || order.total), reason, unusedDeliveries: unused };
  const problem = refundProblem(order, input);
  const close = () => {
    setOpen(false);
    setAmount("");
    setReason("");
    setUnused([]);
    setTried(false);
    onComplete();
  };
  const confirm = () => {
    setTried(true);
    if (problem) return;
    patch.execute(refundPatches(order, input, { now: new Date().toISOString() }));
    close();
  };
  const codes = poolCodes(order);
  return {
    label: "Rembourser",
    icon: ResetIcon,
    tone: "critical",
    disabled: !!disabledReason || !!patch.disabled,
    title: disabledReason,
    onHandle: () => setOpen(true),
    dialog: open
      ? {
          type: "dialog",
          header: `Rembourser la commande ${order.number ?? ""}`,
          onClose: close,
          width: "medium",
          content: (
            <Stack gap={5} padding={4}>
              <Text size={1} muted>
                Faites d'abord le remboursement par mobile money, puis enregistrez-le ici. La commande passe à «
                Remboursée » : ses téléchargements et ses codes cessent d'être accessibles et le client reçoit un
                e-mail. Cette opération est définitive.
              </Text>
              <Stack gap={3}>
                <Text as="label" htmlFor={`${fieldId}-amount`} size={1} weight="semibold">
                  Montant remboursé (F CFA)
                </Text>
                <TextInput
                  id={`${fieldId}-amount`}
                  inputMode="numeric"
                  placeholder={String(order.total ?? "")}
                  value={amount}
                  onChange={(event) => setAmount(event.currentTarget.value.replace(/\s/g, ""))}
                />
              </Stack>
              <Stack gap={3}>
                <Text as="label" htmlFor={`${fieldId}-reason`} size={1} weight="semibold">
                  Motif
                </Text>
                <TextArea
                  id={`${fieldId}-reason`}
                  rows={3}
                  maxLength={500}
                  value={reason}
                  onChange={(event) => setReason(event.currentTarget.value)}
                />
              </Stack>
              {codes.length ? (
                <Stack gap={3}>
                  <Text size={1} weight="semibold">
                    Codes remis
                  </Text>
                  {codes.map((delivery) => (
                    <Flex key={delivery._key} align="center" gap={3} as="label">
                      <Checkbox
                        checked={unused.includes(delivery._key)}
                        onChange={(event) => {
                          const checked = event.currentTarget.checked;
                          setUnused((current) =>
                            checked ? [...current, delivery._key] : current.filter((key) => key !== delivery._key),
                          );
                        }}
                      />
                      <Text size={1}>
                        <code>{delivery.code}</code> (
                        {order.lines?.find((line) => line._key === delivery.lineKey)?.title ?? "article"}) : le code n'a
                        jamais été utilisé, le remettre dans le stock
                      </Text>
                    </Flex>
                  ))}
                </Stack>
              ) : null}
              {tried && problem ? (
                <Card tone="critical" padding={3} radius={2}>
                  <Text size={1}>{problem}</Text>
                </Card>
              ) : null}
            </Stack>
          ),
          footer: (
            <Box padding={3}>
              <Flex gap={2} justify="flex-end">
                <Button mode="ghost" text="Annuler" onClick={close} />
                <Button tone="critical" icon={ResetIcon} text="Enregistrer le remboursement" onClick={confirm} />
              </Flex>
            </Box>
          ),
        }
      : false,
  };
};
RefundAction.displayName = "RefundAction";
