import { Box, Button, Card, Dialog, Flex, Stack, Text } from "@sanity/ui";
import { getPublishedId, useFormValue, type ObjectInputProps, type SanityDocument } from "sanity";
import { MarkDeliveredAction } from "../actions/markDelivered";

/**
 * The order form with « Marquer livrée » on top while the order waits for delivery. Orders are
 * live-edited, and the Studio never shows a live-edited document's first action as the footer's
 * button (it goes in the « … » menu), so the action is offered here as the page's primary button.
 */
export function OrderInput(props: ObjectInputProps) {
  const order = useFormValue([]) as
    (SanityDocument & { status?: string; fulfilment?: { status?: string } }) | undefined;
  const waiting = order?.status === "paid" && order.fulfilment?.status === "to_deliver";
  return (
    <Stack gap={4}>
      {order && waiting ? <DeliverNow order={order} /> : null}
      {props.renderDefault(props)}
    </Stack>
  );
}

function DeliverNow({ order }: { order: SanityDocument }) {
  const action = MarkDeliveredAction({
    id: getPublishedId(order._id),
    type: "order",
    published: order,
    draft: null,
    liveEdit: true,
    onComplete: () => undefined,
  } as unknown as Parameters<typeof MarkDeliveredAction>[0]);
  if (!action) return null;
  const dialog = action.dialog && action.dialog.type === "dialog" ? action.dialog : null;
  return (
    <Card padding={3} radius={2} tone="caution" border>
      <Flex align="center" gap={3} wrap="wrap">
        <Box flex={1}>
          <Text size={1}>Payée, en attente de livraison : remettez à l'acheteur ce qu'il a acheté.</Text>
        </Box>
        <Button
          tone="positive"
          icon={action.icon}
          text={action.label}
          disabled={action.disabled}
          onClick={() => action.onHandle?.()}
        />
      </Flex>
      {dialog ? (
        <Dialog id="mark-delivered" header={dialog.header} onClose={dialog.onClose} width={1} footer={dialog.footer}>
          <Box padding={4}>{dialog.content}</Box>
        </Dialog>
      ) : null}
    </Card>
  );
}
