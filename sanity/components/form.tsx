import { Box, Stack, Text } from "@sanity/ui";
import { useEffect, useRef } from "react";
import type { FieldProps, InputProps } from "sanity";
import { isDateTime, ShopDateTimeInput } from "./shopTimeZone";

/**
 * Every field: Sanity's own, plus its errors written out under it. Sanity shows them only as an
 * icon whose tooltip opens on hover, which an editor misses (a refused promo price looked saved).
 */
export function FieldWithErrors(props: FieldProps) {
  const errors = (props.validation ?? []).filter(
    (marker) => marker.level === "error" && marker.path.length <= props.path.length,
  );
  return (
    <Stack gap={2}>
      {props.renderDefault(props)}
      {errors.length > 0 ? (
        <Box data-testid="field-errors" role="alert">
          {errors.map((marker, index) => (
            <Text key={index} size={1} style={{ color: "var(--card-badge-critical-fg-color, #c3362b)" }}>
              {marker.message}
            </Text>
          ))}
        </Box>
      ) : null}
    </Stack>
  );
}

// Controls Sanity renders without a name of their own: the tags input, an array's items, the
// Portable Text editor.
const UNNAMED =
  'input:not([type="hidden"]):not([aria-label]):not([aria-labelledby]), textarea:not([aria-label]):not([aria-labelledby]), [contenteditable="true"]:not([aria-label]):not([aria-labelledby])';

function hasLabel(element: Element): boolean {
  return !!element.id && !!element.ownerDocument.querySelector(`label[for="${CSS.escape(element.id)}"]`);
}

/**
 * Every input: datetimes in the shop's time zone, and a name for each control a screen reader
 * would otherwise announce as « zone de texte » (the field's title), kept as Sanity re-renders.
 */
export function ShopInput(props: InputProps) {
  const box = useRef<HTMLDivElement>(null);
  const title = props.schemaType.title;
  useEffect(() => {
    const root = box.current;
    if (!root || !title) return;
    const name = () => {
      for (const element of root.querySelectorAll(UNNAMED))
        if (!hasLabel(element)) element.setAttribute("aria-label", title);
    };
    name();
    const observer = new MutationObserver(name);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [title]);
  const input = isDateTime(props) ? <ShopDateTimeInput {...props} /> : props.renderDefault(props);
  return <div ref={box}>{input}</div>;
}
