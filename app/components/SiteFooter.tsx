import { Link } from "@remix-run/react";
import type { LayoutView } from "~/lib/catalog-types";
import { contactLink } from "~/lib/whatsapp";
import { Icon } from "./Icon";
import { categoryUrl, cmsPageUrl, MY_ORDERS_URL } from "~/lib/urls";

export function SiteFooter({ layout }: { layout: LayoutView | null }) {
  const settings = layout?.settings;
  const shopName = settings?.shopName ?? "ASHTECH STORE";
  const heading = "text-sm font-bold uppercase tracking-wide text-white";
  const link = "text-sm text-slate-300 hover:text-white";
  return (
    <footer className="mt-10 bg-slate-900 sm:mt-16 text-slate-300 dark:bg-black">
      <div className="container-page grid grid-cols-2 gap-x-4 gap-y-6 py-8 sm:gap-8 sm:py-10 lg:grid-cols-4">
        <div className="col-span-2 lg:col-span-1">
          <p className="text-lg font-extrabold text-white">{shopName}</p>
          {settings?.tagline ? <p className="mt-2 text-sm">{settings.tagline}</p> : null}
          <ul className="mt-4 flex gap-2">
            {settings?.socials.facebook ? (
              <li>
                <a
                  href={settings.socials.facebook}
                  rel="noopener noreferrer"
                  aria-label="Facebook"
                  className="inline-flex h-11 w-11 items-center justify-center rounded-full bg-white/10 hover:bg-brand"
                >
                  <Icon name="facebook" />
                </a>
              </li>
            ) : null}
            {settings?.socials.instagram ? (
              <li>
                <a
                  href={settings.socials.instagram}
                  rel="noopener noreferrer"
                  aria-label="Instagram"
                  className="inline-flex h-11 w-11 items-center justify-center rounded-full bg-white/10 hover:bg-brand"
                >
                  <Icon name="instagram" />
                </a>
              </li>
            ) : null}
          </ul>
        </div>
        {layout?.categories.length ? (
          <nav aria-labelledby="pied-categories">
            <p id="pied-categories" className={heading}>
              Catégories
            </p>
            <ul className="mt-3 space-y-2">
              {layout.categories.map((category) => (
                <li key={category.slug}>
                  <Link to={categoryUrl(category.slug)} className={link}>
                    {category.title}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {layout?.pages.length ? (
          <nav aria-labelledby="pied-infos">
            <p id="pied-infos" className={heading}>
              Informations
            </p>
            <ul className="mt-3 space-y-2">
              {layout.pages.map((page) => (
                <li key={page.slug}>
                  <Link to={cmsPageUrl(page.slug)} className={link}>
                    {page.title}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="col-span-2 sm:col-span-1">
          <p className={heading}>Contact</p>
          <ul className="mt-3 space-y-2">
            <li>
              <Link to={MY_ORDERS_URL} className={link}>
                Mes commandes
              </Link>
            </li>
            {settings?.whatsappNumber ? (
              <li>
                <a
                  href={contactLink(settings.whatsappNumber, shopName)}
                  rel="noopener noreferrer"
                  className={`${link} inline-flex items-center gap-2`}
                >
                  <Icon name="whatsapp" className="h-4 w-4 text-whatsapp" />+{settings.whatsappNumber}
                </a>
              </li>
            ) : null}
            {settings?.email ? (
              <li>
                <a href={`mailto:${settings.email}`} className={`${link} inline-flex items-center gap-2 break-all`}>
                  <Icon name="mail" className="h-4 w-4" />
                  {settings.email}
                </a>
              </li>
            ) : null}
          </ul>
          <p className="mt-4 text-xs text-slate-400">Paiement par Mobile Money · Livraison immédiate</p>
        </div>
      </div>
      <div className="border-t border-white/10 py-4 text-center text-xs text-slate-400">
        © {shopName}. Tous droits réservés.
      </div>
    </footer>
  );
}
