import { useEffect, useState } from "react";
import { useClient, type InputProps } from "sanity";

/** The shop's time zone until the settings say otherwise (Cameroon, UTC+1, no daylight saving). */
export const DEFAULT_SHOP_TIME_ZONE = "Africa/Douala";
const API_VERSION = "2025-02-19";

/**
 * The shop's time zone from « Réglages de la boutique », followed live: every date in the Studio is
 * typed and read in it, whatever the editor's computer says.
 */
export function useShopTimeZone(): string {
  const client = useClient({ apiVersion: API_VERSION });
  const [timeZone, setTimeZone] = useState(DEFAULT_SHOP_TIME_ZONE);
  useEffect(() => {
    const query = `*[_id == "siteSettings"][0].timeZone`;
    const apply = (value: unknown) => setTimeZone(typeof value === "string" && value ? value : DEFAULT_SHOP_TIME_ZONE);
    const fetched = client.observable.fetch(query).subscribe({ next: apply, error: () => undefined });
    const listened = client
      .listen(`*[_id == "siteSettings"]`, {}, { includeResult: true, visibility: "query" })
      .subscribe({
        next: (event) => "result" in event && apply((event.result as { timeZone?: string } | undefined)?.timeZone),
        error: () => undefined,
      });
    return () => {
      fetched.unsubscribe();
      listened.unsubscribe();
    };
  }, [client]);
  return timeZone;
}

/**
 * Every datetime field: Sanity's own input, shown and typed in the shop's time zone (its
 * `displayTimeZone` option), with the editor's own zone switch turned off so nobody enters a
 * start time in another zone by mistake. What is stored stays a UTC instant.
 */
export function ShopDateTimeInput(props: InputProps) {
  const timeZone = useShopTimeZone();
  const schemaType = {
    ...props.schemaType,
    options: { ...(props.schemaType.options as object), displayTimeZone: timeZone, allowTimeZoneSwitch: false },
  } as InputProps["schemaType"];
  return props.renderDefault({ ...props, schemaType } as InputProps);
}

/** A datetime field, or a type built on datetime. */
export function isDateTime(props: InputProps): boolean {
  for (
    let type: { name: string; type?: unknown } | undefined = props.schemaType;
    type;
    type = type.type as typeof type
  ) {
    if (type.name === "datetime") return true;
  }
  return false;
}

/** "12 déc. 2026, 10:00 (heure de Douala)": a date as the shop's clock reads it. */
export function formatShopDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}
