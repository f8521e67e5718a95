import { Form } from "@remix-run/react";
import { Icon } from "./Icon";

/** Keeps shopping: the product goes into the cart and the buyer lands on it. A plain POST, so it works without JavaScript. */
export function AddToCartForm({ productId }: { productId: string }) {
  return (
    <Form method="post" action="/panier">
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="productId" value={productId} />
      <button type="submit" className="btn-outline w-full">
        <Icon name="cart" className="h-4 w-4" />
        Ajouter au panier
      </button>
    </Form>
  );
}
