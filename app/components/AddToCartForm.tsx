import { Form } from "@remix-run/react";
import { usePending } from "./FormParts";
import { Icon } from "./Icon";
import { CART_URL } from "~/lib/urls";

/** Keeps shopping: the product goes into the cart and the buyer lands on it. A plain POST, so it works without JavaScript. */
export function AddToCartForm({
  productId,
  iconOnlyOnPhones = false,
}: {
  productId: string;
  iconOnlyOnPhones?: boolean;
}) {
  const pending = usePending({ action: CART_URL, fields: { intent: "add", productId } });
  const label = pending ? "Ajout en cours…" : "Ajouter au panier";
  return (
    <Form method="post" action={CART_URL}>
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="productId" value={productId} />
      <button
        type="submit"
        className={`btn-outline w-full ${iconOnlyOnPhones ? "px-3 lg:px-4" : ""}`}
        disabled={pending}
        aria-busy={pending || undefined}
      >
        <Icon name="cart" className="h-5 w-5" />
        {/* Icon only in the phone's buy bar, the name stays for screen readers. */}
        <span className={iconOnlyOnPhones ? "sr-only lg:not-sr-only" : undefined}>{label}</span>
      </button>
    </Form>
  );
}
