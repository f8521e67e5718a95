import { Link, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { LayoutView } from "~/lib/catalog-types";
import { whatsappLink } from "~/lib/whatsapp";
import { Icon } from "./Icon";
import { catalogUrl, categoryUrl, cmsPageUrl, MY_ORDERS_URL } from "~/lib/urls";

/**
 * A <details> disclosure: opens and closes without JavaScript; with it, closes after each navigation.
 * Open, it fills the screen under the header: the panel on the left, a backdrop over the rest. The
 * backdrop lives inside the <summary>, so a tap on it closes the menu without JavaScript too.
 */
export function MobileMenu({ layout }: { layout: LayoutView | null }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  useEffect(() => {
    menu.current?.removeAttribute("open");
  }, [location]);

  const item =
    "flex min-h-11 items-center gap-3 rounded-lg px-3 text-slate-800 hover:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800";
  return (
    <details ref={menu} className="group md:hidden">
      <summary
        className="inline-flex h-11 w-11 cursor-pointer items-center justify-center rounded-xl text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
        aria-label="Menu"
      >
        <Icon name="menu" className="h-6 w-6 group-open:hidden" />
        <Icon name="close" className="hidden h-6 w-6 group-open:block" />
        <span
          aria-hidden="true"
          data-testid="menu-backdrop"
          className="fixed inset-x-0 bottom-0 top-16 z-40 hidden cursor-default bg-slate-950/60 group-open:block"
        />
      </summary>
      <nav
        aria-label="Menu principal"
        className="fixed bottom-0 left-0 top-16 z-50 w-[min(85vw,22rem)] overflow-y-auto overscroll-contain border-r border-slate-200 bg-white px-4 pb-[max(1.5rem,env(safe-area-inset-bottom))] pt-3 shadow-xl dark:border-slate-800 dark:bg-slate-900"
      >
        <ul className="space-y-1">
          <li>
            <Link to={MY_ORDERS_URL} className={`${item} font-semibold`}>
              <Icon name="receipt" />
              Mes commandes
            </Link>
          </li>
          <li>
            <Link to={catalogUrl()} className={`${item} font-semibold`}>
              Tous les produits
            </Link>
          </li>
          <li>
            <Link to={catalogUrl({ onSale: true })} className={`${item} font-semibold text-red-600 dark:text-red-400`}>
              Promotions
            </Link>
          </li>
        </ul>
        {layout?.categories.length ? (
          <>
            <p className="mt-3 px-3 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
              Catégories
            </p>
            <ul className="mt-1 space-y-1">
              {layout.categories.map((category) => (
                <li key={category.slug}>
                  <Link to={categoryUrl(category.slug)} className={item}>
                    <span aria-hidden="true">{category.icon}</span>
                    {category.title}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {layout?.pages.length ? (
          <ul className="mt-3 space-y-1 border-t border-slate-200 pt-3 dark:border-slate-800">
            {layout.pages.map((page) => (
              <li key={page.slug}>
                <Link to={cmsPageUrl(page.slug)} className={item}>
                  {page.title}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        {layout?.settings.whatsappNumber ? (
          <a
            href={whatsappLink(layout.settings.whatsappNumber)}
            className="btn-whatsapp mt-3 w-full"
            rel="noopener noreferrer"
          >
            <Icon name="whatsapp" />
            Nous écrire sur WhatsApp
          </a>
        ) : null}
      </nav>
    </details>
  );
}
