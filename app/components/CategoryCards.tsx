import { Link } from "@remix-run/react";
import { categoryUrl } from "~/lib/urls";

interface CategoryCard {
  slug: string;
  title: string;
  icon: string | null;
  productCount: number;
}

/** Compact chips, one scrolling row on phones, so that products come into the first screen. */
export function CategoryCards({ categories }: { categories: CategoryCard[] }) {
  return (
    <ul className="relative -mx-4 flex gap-2 overflow-x-auto px-4 pb-1 sm:mx-0 sm:flex-wrap sm:px-0">
      {categories.map((category) => (
        <li key={category.slug} className="shrink-0">
          <Link
            to={categoryUrl(category.slug)}
            className="flex min-h-11 items-center gap-2 rounded-full border border-slate-200 bg-white py-1 pl-1.5 pr-4 text-sm font-semibold text-slate-800 shadow-sm hover:border-brand dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100 dark:hover:border-brand-light"
          >
            <span
              aria-hidden="true"
              className="flex h-8 w-8 items-center justify-center rounded-full bg-brand/10 text-lg dark:bg-brand/20"
            >
              {category.icon ?? "📦"}
            </span>
            {category.title}
            <span className="text-xs font-normal text-slate-500 dark:text-slate-400">({category.productCount})</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
