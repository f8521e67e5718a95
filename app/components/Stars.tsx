/** Five stars, the average rounded to whole stars; read out as « 4,5 sur 5 ». */
export function Stars({ rating, label, className = "" }: { rating: number; label?: string; className?: string }) {
  const full = Math.round(rating);
  return (
    <span className={`text-gold ${className}`} role="img" aria-label={label ?? `${formatRating(rating)} sur 5`}>
      {"★".repeat(full)}
      <span className="text-slate-300 dark:text-slate-600">{"★".repeat(5 - full)}</span>
    </span>
  );
}

export function formatRating(average: number): string {
  return average.toString().replace(".", ",");
}
