import { Form, Link } from "@remix-run/react";
import type { ImageView } from "~/lib/catalog-types";
import { formatPrice } from "~/lib/money";
import { usePending } from "./FormParts";
import { Icon } from "./Icon";
import { CART_URL, productUrl } from "~/lib/urls";

export interface CartLineView {
  _key: string;
  productId: string;
  slug: string;
  title: string;
  unitPrice: number;
  listPrice: number;
  quantity: number;
  maxQuantity: number;
  thumbnail: ImageView | null;
}

/**
 * One product per row, whatever the width: the picture, the title on the full remaining width, the
 * price, then the actions. A quantity box only where the quantity can change: digital products are
 * sold one per order unless an editor allows more.
 */
export function CartLineItem({ line, currency }: { line: CartLineView; currency: string }) {
  const href = productUrl(line.slug);
  const removing = usePending({ action: CART_URL, fields: { intent: "remove", productId: line.productId } });
  return (
    <li className="flex gap-3 p-4" data-testid="cart-line">
      <Link
        to={href}
        tabIndex={-1}
        aria-hidden="true"
        className="block h-16 w-16 shrink-0 overflow-hidden rounded-xl bg-slate-100 dark:bg-slate-800"
      >
        {line.thumbnail ? (
          <img
            src={line.thumbnail.src}
            srcSet={line.thumbnail.srcSet}
            width={64}
            height={64}
            alt=""
            loading="lazy"
            decoding="async"
            className="h-full w-full object-cover"
          />
        ) : null}
      </Link>
      <div className="min-w-0 flex-1">
        <Link
          to={href}
          prefetch="intent"
          className="line-clamp-2 font-semibold leading-snug hover:text-brand dark:hover:text-brand-light"
        >
          {line.title}
        </Link>
        <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">
          {line.unitPrice === 0 ? "Gratuit" : formatPrice(line.unitPrice, currency)}
          {line.unitPrice < line.listPrice ? (
            <s className="ml-2">
              <span className="sr-only">au lieu de </span>
              {formatPrice(line.listPrice, currency)}
            </s>
          ) : null}
          {line.maxQuantity > 1 ? null : <span className="ml-2 whitespace-nowrap text-xs">· 1 exemplaire</span>}
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {line.maxQuantity > 1 ? <QuantityForm line={line} /> : null}
          <Form method="post" action={CART_URL}>
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="productId" value={line.productId} />
            <button
              type="submit"
              className="btn-outline min-h-10 px-3 text-red-700 dark:text-red-300"
              data-testid="cart-remove"
              disabled={removing}
              aria-busy={removing || undefined}
            >
              <Icon name="trash" className="h-4 w-4" />
              {removing ? "Retrait en cours…" : "Retirer"}
              <span className="sr-only"> {line.title} du panier</span>
            </button>
          </Form>
        </div>
      </div>
    </li>
  );
}

function QuantityForm({ line }: { line: CartLineView }) {
  const id = `qty-${line._key}`;
  const pending = usePending({ action: CART_URL, fields: { intent: "set", productId: line.productId } });
  return (
    <Form method="post" action={CART_URL} className="flex items-center gap-2">
      <input type="hidden" name="intent" value="set" />
      <input type="hidden" name="productId" value={line.productId} />
      <label htmlFor={id} className="sr-only">
        Quantité pour {line.title}
      </label>
      <input
        id={id}
        name="quantity"
        type="number"
        min={1}
        max={line.maxQuantity}
        defaultValue={line.quantity}
        className="field min-h-10 w-16 text-center"
        inputMode="numeric"
      />
      <button type="submit" className="btn-outline min-h-10 px-3" disabled={pending} aria-busy={pending || undefined}>
        {pending ? "Mise à jour en cours…" : "Mettre à jour"}
        <span className="sr-only"> la quantité de {line.title}</span>
      </button>
    </Form>
  );
}
