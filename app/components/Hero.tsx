import { Link } from "@remix-run/react";
import { Icon } from "./Icon";
import { catalogUrl } from "~/lib/urls";

export function Hero({ title, text, whatsappHref }: { title: string; text: string | null; whatsappHref: string }) {
  return (
    <section className="relative overflow-hidden bg-gradient-to-br from-brand to-brand-deep text-white">
      <div aria-hidden="true" className="absolute -right-16 -top-16 h-56 w-56 rounded-full bg-white/10" />
      <div aria-hidden="true" className="absolute -bottom-20 -left-10 h-48 w-48 rounded-full bg-gold/20" />
      {/* Short on phones: the first products must show on the first screen. */}
      <div className="container-page relative py-5 sm:py-16">
        <h1 className="max-w-2xl text-2xl font-extrabold leading-tight sm:text-5xl">{title}</h1>
        {text ? (
          <p className="mt-2 line-clamp-2 max-w-xl text-sm text-white/90 sm:mt-4 sm:line-clamp-none sm:text-lg">
            {text}
          </p>
        ) : null}
        <div className="mt-4 flex flex-wrap gap-2 sm:mt-8 sm:gap-3">
          <Link to={catalogUrl()} className="btn-gold grow whitespace-nowrap px-3 sm:grow-0 sm:px-6 sm:text-base">
            Explorer les produits
            <Icon name="arrowRight" className="hidden h-4 w-4 min-[400px]:block" />
          </Link>
          <a
            href={whatsappHref}
            className="btn-whatsapp grow whitespace-nowrap px-3 sm:grow-0 sm:px-6 sm:text-base"
            rel="noopener noreferrer"
          >
            <Icon name="whatsapp" />
            Nous contacter
          </a>
        </div>
      </div>
    </section>
  );
}
