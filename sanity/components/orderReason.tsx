import { Card, Text } from "@sanity/ui";
import type { StringInputProps } from "sanity";

const STATUS = { pending: "en attente", failed: "échouée", expired: "expirée", paid: "payée" } as Record<string, string>;

/**
 * The storefront records why an order moved in English, for developers and logs (order-state);
 * the merchant reads it in French here.
 */
export function frenchReason(reason: string): string {
  if (reason === "payment started") return "Paiement lancé";
  if (reason === "payment confirmed") return "Paiement confirmé";
  if (reason === "payment failed") return "Paiement refusé ou annulé";
  const late = /^payment confirmed after the order was (\w+): honoured$/.exec(reason);
  if (late) return `Paiement confirmé alors que la commande était ${STATUS[late[1]!] ?? late[1]} : honoré`;
  const idle = /^no confirmed payment (\d+) min after the last attempt$/.exec(reason);
  if (idle) return `Aucun paiement confirmé ${idle[1]} min après la dernière tentative`;
  return reason;
}

export function OrderReasonInput(props: StringInputProps) {
  return (
    <Card padding={3} radius={2} tone="transparent" border>
      <Text size={1} id={props.elementProps.id} aria-labelledby={props.elementProps["aria-describedby"]}>
        {props.value ? frenchReason(props.value) : "—"}
      </Text>
    </Card>
  );
}
