/** Width of the gold part, in whole stars (Tailwind needs every class spelt out). */
const FILLED = ["w-0", "w-[1em]", "w-[2em]", "w-[3em]", "w-[4em]", "w-[5em]"] as const;

/**
 * Five stars, the average rounded to whole stars; read out as « 4,5 sur 5 ». Drawn by CSS (`.stars`)
 * rather than with « ★ » glyphs: a phone's fonts may lack that character, and looking for it through
 * the fallback fonts costs the first layout more than the whole card.
 */
export function Stars({ rating, label, className = "" }: { rating: number; label?: string; className?: string }) {
  const full = Math.min(5, Math.max(0, Math.round(rating)));
  return (
    <span className={`stars stars-track ${className}`} role="img" aria-label={label ?? `${formatRating(rating)} sur 5`}>
      <span className={`stars absolute inset-y-0 left-0 text-gold ${FILLED[full]}`} />
    </span>
  );
}

export function formatRating(average: number): string {
  return average.toString().replace(".", ",");
}
