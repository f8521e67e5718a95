import { Link } from "@remix-run/react";
import { cmsPageUrl } from "~/lib/urls";

/** Beside « Payer »: what the buyer agrees to, one tap away (CMS pages from the seed). */
export function CheckoutTerms({ free }: { free: boolean }) {
  const link = "font-semibold text-brand underline underline-offset-2 dark:text-brand-light";
  return (
    <p className="text-center text-xs text-slate-600 dark:text-slate-400" data-testid="checkout-terms">
      {free ? "En commandant" : "En payant"}, vous acceptez nos{" "}
      <Link to={cmsPageUrl("conditions-generales-de-vente")} className={link}>
        conditions générales de vente
      </Link>{" "}
      et notre{" "}
      <Link to={cmsPageUrl("politique-de-remboursement")} className={link}>
        politique de remboursement
      </Link>
      .
    </p>
  );
}
