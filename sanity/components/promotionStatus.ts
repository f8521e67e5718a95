import { useEffect, useState } from "react";
import { getPublishedId, useClient, type DocumentBadgeComponent } from "sanity";
import { isRunning, winningPromotion, type ScheduledPromotion } from "../../app/lib/promotion-rule";

const API_VERSION = "2025-02-19";
type Promotion = ScheduledPromotion & { title?: string };

/** The published promotions not yet over, kept current with the lake's listener. */
function usePublishedPromotions(): Promotion[] | null {
  const client = useClient({ apiVersion: API_VERSION }).withConfig({ perspective: "published" });
  const [promotions, setPromotions] = useState<Promotion[] | null>(null);
  useEffect(() => {
    const query = `*[_type == "promotion" && defined(startsAt) && defined(endsAt) && dateTime(endsAt) > dateTime(now())]{ _id, _createdAt, title, startsAt, endsAt }`;
    const load = () => client.fetch<Promotion[]>(query).then(setPromotions, () => undefined);
    void load();
    const listening = client
      .listen(`*[_type == "promotion"]`, {}, { visibility: "query" })
      .subscribe({ next: () => void load(), error: () => undefined });
    return () => listening.unsubscribe();
  }, [client]);
  return promotions;
}

/** Re-renders every `ms`, so a status follows the clock (a promotion starts or ends). */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/**
 * « Affichée sur la boutique » / « Masquée par … »: what the home page shows, by the storefront's
 * own rule (decision 020), for the promotion as it is being edited.
 */
export const PromotionStatusBadge: DocumentBadgeComponent = ({ id, draft, published }) => {
  const promotions = usePublishedPromotions();
  const now = useNow(15_000);
  const edited = (draft ?? published) as Promotion | null;
  if (!edited?.startsAt || !edited.endsAt || !promotions) return null;
  const self: Promotion = {
    ...edited,
    _id: getPublishedId(id),
    _createdAt: published?._createdAt ?? edited._createdAt,
  };
  if (Date.parse(self.endsAt) <= now)
    return { label: "Terminée", title: "La date de fin est passée : la boutique ne l'affiche plus." };
  if (!isRunning(self, now)) {
    return {
      label: "Programmée",
      color: "primary",
      title: "Elle s'affichera à sa date de début, si aucune promotion plus récente n'est en cours.",
    };
  }
  const others = promotions.filter((promotion) => promotion._id !== self._id);
  const winner = winningPromotion([...others, self], now);
  if (winner && winner._id !== self._id) {
    return {
      label: `Masquée par « ${winner.title ?? "une autre promotion"} »`,
      color: "warning",
      title: "Quand plusieurs promotions sont en cours, la boutique affiche celle qui a commencé le plus récemment.",
    };
  }
  return published
    ? {
        label: "Affichée sur la boutique",
        color: "success",
        title: "La page d'accueil affiche cette promotion maintenant.",
      }
    : {
        label: "Affichée dès la publication",
        color: "success",
        title: "Publiez-la : elle passera devant les autres promotions en cours.",
      };
};
PromotionStatusBadge.displayName = "PromotionStatusBadge";
