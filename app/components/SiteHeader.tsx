import { Link, NavLink, useSearchParams } from "@remix-run/react";
import type { LayoutView } from "~/lib/catalog-types";
import { contactLink } from "~/lib/whatsapp";
import { Icon } from "./Icon";
import { Logo } from "./Logo";
import { MobileMenu } from "./MobileMenu";
import { SearchForm } from "./SearchForm";
import { ThemeToggle } from "./ThemeToggle";
import { CART_URL, catalogUrl, HOME_URL, MY_ORDERS_URL } from "~/lib/urls";

/**
 * The bar sticks; on phones the search row below it scrolls away to leave room for products. Opaque, not
 * blurred: a backdrop filter would make the header the box of the menu's fixed panel and cut it short.
 */
export function SiteHeader({ layout, cartCount }: { layout: LayoutView | null; cartCount: number }) {
  const [searchParams] = useSearchParams();
  const q = searchParams.get("q") ?? undefined;
  const shopName = layout?.settings.shopName ?? "ASHTECH STORE";
  const whatsappNumber = layout?.settings.whatsappNumber;
  const iconLink =
    "relative inline-flex h-11 w-10 items-center justify-center rounded-lg text-slate-700 hover:text-brand dark:text-slate-200 dark:hover:text-brand-light";
  const navLink = ({ isActive }: { isActive: boolean }) =>
    `rounded-lg px-3 py-2 text-sm font-semibold hover:text-brand dark:hover:text-brand-light ${
      isActive ? "text-brand dark:text-brand-light" : "text-slate-700 dark:text-slate-200"
    }`;
  return (
    <>
      <header className="sticky top-0 z-40 border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
        <div className="container-page relative flex h-16 items-center gap-1 sm:gap-2">
          <MobileMenu layout={layout} />
          <Link to={HOME_URL} className="mr-auto rounded-lg" aria-label={`${shopName}, accueil`}>
            <Logo shopName={shopName} />
          </Link>
          <nav aria-label="Navigation" className="hidden items-center md:flex">
            <NavLink to={catalogUrl()} end className={navLink}>
              Produits
            </NavLink>
            <Link
              to={catalogUrl({ onSale: true })}
              className="rounded-lg px-3 py-2 text-sm font-semibold text-red-600 hover:text-red-700 dark:text-red-400"
            >
              Promos
            </Link>
            <NavLink to={MY_ORDERS_URL} className={navLink}>
              Mes commandes
            </NavLink>
          </nav>
          <div className="hidden w-64 md:block lg:w-80">
            <SearchForm key={q} id="recherche-entete" defaultValue={q} />
          </div>
          {whatsappNumber ? (
            // Narrower than the floating button's margin (WhatsAppFloat), the contact lives here.
            <a
              href={contactLink(whatsappNumber, shopName)}
              rel="noopener noreferrer"
              aria-label="Nous écrire sur WhatsApp"
              className={`${iconLink} text-whatsapp-dark dark:text-whatsapp min-[1300px]:hidden`}
              data-testid="whatsapp-header"
            >
              <Icon name="whatsapp" className="h-6 w-6" />
            </a>
          ) : null}
          <Link
            to={CART_URL}
            className={iconLink}
            aria-label={cartCount ? `Panier, ${cartCount} article${cartCount > 1 ? "s" : ""}` : "Panier vide"}
          >
            <Icon name="cart" className="h-6 w-6" />
            {cartCount ? (
              <span
                data-testid="cart-count"
                className="absolute -right-0.5 -top-0.5 grid h-5 min-w-5 place-items-center rounded-full bg-gold px-1 text-xs font-bold text-slate-900"
              >
                {cartCount}
              </span>
            ) : null}
          </Link>
          <ThemeToggle />
        </div>
      </header>
      <div className="border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-950 md:hidden">
        <SearchForm key={q} id="recherche-mobile" defaultValue={q} />
      </div>
    </>
  );
}
