import { Link } from "@remix-run/react";
import type { PromotionView } from "~/lib/catalog-types";
import { Countdown } from "./Countdown";

function isInternal(link: string): boolean {
  return link.startsWith("/") && !link.startsWith("//");
}

export function PromoBanner({ promotion, now }: { promotion: PromotionView; now: string }) {
  const { link } = promotion;
  const label = promotion.linkLabel ?? "J'en profite";
  const cta = "btn shrink-0 bg-white px-3 text-red-700 hover:bg-red-50 sm:px-4";
  return (
    <section aria-label="Promotion en cours" className="bg-gradient-to-r from-red-600 to-rose-600 text-white">
      <div className="container-page flex items-center justify-between gap-3 py-3 sm:py-4">
        <div>
          <p className="font-extrabold leading-snug sm:text-lg">{promotion.title}</p>
          {promotion.text ? <p className="hidden text-sm text-white/90 sm:block">{promotion.text}</p> : null}
          <p className="mt-1 text-xs font-semibold uppercase tracking-wide text-white/90">
            <Countdown
              endsAt={promotion.endsAt}
              now={now}
              prefix="Se termine dans"
              datePrefix="Jusqu'au"
              endDate={promotion.endDate}
            />
          </p>
        </div>
        {link ? (
          isInternal(link) ? (
            <Link to={link} className={cta}>
              {label}
            </Link>
          ) : (
            <a href={link} className={cta} rel="noopener noreferrer">
              {label}
            </a>
          )
        ) : null}
      </div>
    </section>
  );
}
