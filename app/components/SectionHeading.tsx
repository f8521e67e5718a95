import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function SectionHeading({
  id,
  children,
  more,
}: {
  id: string;
  children: ReactNode;
  more?: { to: string; label: string };
}) {
  return (
    <div className="mb-4 flex items-end justify-between gap-4">
      <h2 id={id} className="text-xl font-extrabold text-slate-900 dark:text-white sm:text-2xl">
        {children}
      </h2>
      {more ? (
        <Link to={more.to} className="shrink-0 text-sm font-semibold text-brand hover:underline dark:text-brand-light">
          {more.label}
        </Link>
      ) : null}
    </div>
  );
}
