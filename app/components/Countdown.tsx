import { useEffect, useState } from "react";
import { COUNTDOWN_WINDOW_MS, formatTimeLeft } from "~/lib/countdown";

/**
 * Server-rendered from the loader's clock (so hydration matches), then ticks in the browser.
 * Far from the end it shows the date instead. At zero it says so; the next page load shows the
 * list price, which is also what checkout charges. The date comes written from the server: formatting
 * it here would load ICU's locale and zone data on the phone's main thread.
 */
export function Countdown({
  endsAt,
  now,
  prefix,
  datePrefix,
  endDate,
}: {
  endsAt: string;
  now: string;
  prefix: string;
  datePrefix: string;
  /** The end as a date in the shop's zone (« 31 décembre 2027 »), shown far from the end. */
  endDate: string;
}) {
  const end = Date.parse(endsAt);
  const [remaining, setRemaining] = useState(() => end - Date.parse(now));
  const ticking = remaining > 0 && remaining <= COUNTDOWN_WINDOW_MS;
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setRemaining(end - Date.now()), 1000);
    return () => clearInterval(timer);
  }, [end, ticking]);
  if (remaining <= 0) return <span>Offre terminée</span>;
  return (
    <time dateTime={endsAt}>{ticking ? `${prefix} ${formatTimeLeft(remaining)}` : `${datePrefix} ${endDate}`}</time>
  );
}
