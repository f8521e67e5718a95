import { Form } from "@remix-run/react";
import { usePending } from "./FormParts";
import { Icon } from "./Icon";
import { CART_URL } from "~/lib/urls";

/** Straight to checkout with this one product: a plain POST, so it works without JavaScript. */
export function BuyForm({
  productId,
  productTitle,
  free,
  className = "",
  label,
  compact = false,
}: {
  productId: string;
  /** Read by screen readers after the label, so that a grid's many "Acheter" buttons are told apart. */
  productTitle?: string;
  free: boolean;
  className?: string;
  label?: string;
  /**
   * In a card two buttons share 150–200 px: smaller text and no icon (a page of cards would carry one
   * more drawing per card for little).
   */
  compact?: boolean;
}) {
  const pending = usePending({ action: CART_URL, fields: { intent: "buy-now", productId } });
  return (
    <Form method="post" action={CART_URL} className={className}>
      <input type="hidden" name="intent" value="buy-now" />
      <input type="hidden" name="productId" value={productId} />
      <button
        type="submit"
        className={`${free ? "btn-gold" : "btn-primary"} w-full ${compact ? "px-1 text-xs sm:text-sm" : "whitespace-nowrap px-3 sm:px-4"}`}
        disabled={pending}
        aria-busy={pending || undefined}
      >
        {/* Under 400 px the words need the room (the phone's buy bar shares its width with the price). */}
        {compact ? null : <Icon name={free ? "download" : "cart"} className="hidden h-4 w-4 min-[400px]:block" />}
        {pending ? "En cours…" : (label ?? (free ? "Obtenir gratuitement" : "Acheter"))}
        {productTitle ? <span className="sr-only"> : {productTitle}</span> : null}
      </button>
    </Form>
  );
}
