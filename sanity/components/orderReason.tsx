import { Card, Text } from "@sanity/ui";
import type { StringInputProps } from "sanity";
import { frenchReason } from "./orderReasons";

/** A reason or payment note the storefront wrote, read in French (./orderReasons.ts). */
export function OrderReasonInput(props: StringInputProps) {
  return (
    <Card padding={3} radius={2} tone="transparent" border>
      <Text size={1} id={props.elementProps.id} aria-labelledby={props.elementProps["aria-describedby"]}>
        {props.value ? frenchReason(props.value) : "—"}
      </Text>
    </Card>
  );
}
