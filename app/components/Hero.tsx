import { Link } from "@remix-run/react";
import { Icon } from "./Icon";

export function Hero({ title, text, whatsappHref }: { title: string; text: string | null; whatsappHref: string }) {
  return (
    <section className="relative overflow-hidden bg-gradient-to-br from-brand to-brand-deep text-white">
      <div aria-hidden="true" className="absolute -right-16 -top-16 h-56 w-56 rounded-full bg-white/10" />
      <div aria-hidden="true" className="absolute -bottom-20 -left-10 h-48 w-48 rounded-full bg-gold/20" />
      <div className="container-page relative py-12 sm:py-20">
        <h1 className="max-w-2xl text-3xl font-extrabold leading-tight sm:text-5xl">{title}</h1>
        {text ? <p className="mt-4 max-w-xl text-base text-white/90 sm:text-lg">{text}</p> : null}
        <div className="mt-8 flex flex-col gap-3 sm:flex-row">
          <Link to="/produits" className="btn-gold px-6 text-base">
            Explorer les produits
            <Icon name="arrowRight" className="h-4 w-4" />
          </Link>
          <a href={whatsappHref} className="btn-whatsapp px-6 text-base" rel="noopener noreferrer">
            <Icon name="whatsapp" />
            Nous contacter
          </a>
        </div>
      </div>
    </section>
  );
}
