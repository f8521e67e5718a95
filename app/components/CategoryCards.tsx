import { Link } from "@remix-run/react";
import { catalogueHref } from "~/lib/catalogue";

interface CategoryCard {
  slug: string;
  title: string;
  icon: string | null;
  productCount: number;
}

export function CategoryCards({ categories }: { categories: CategoryCard[] }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {categories.map((category) => (
        <li key={category.slug} className="last:odd:col-span-2 sm:last:odd:col-span-1">
          <Link
            to={catalogueHref({ category: category.slug })}
            className="flex h-full flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm transition hover:-translate-y-0.5 hover:border-brand hover:shadow-md dark:border-slate-800 dark:bg-slate-900 dark:hover:border-brand-light"
          >
            <span
              aria-hidden="true"
              className="flex h-11 w-11 items-center justify-center rounded-xl bg-brand/10 text-2xl dark:bg-brand/20"
            >
              {category.icon ?? "📦"}
            </span>
            <span className="text-sm font-bold leading-tight text-slate-900 dark:text-white">{category.title}</span>
            <span className="text-xs text-slate-500 dark:text-slate-400">
              {category.productCount} produit{category.productCount > 1 ? "s" : ""}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
