import { Link } from "@remix-run/react";
import { SearchForm } from "./SearchForm";
import { catalogUrl, HOME_URL } from "~/lib/urls";

export function NotFound({ what = "Cette page" }: { what?: string }) {
  return (
    <section className="container-page py-16 text-center">
      <p className="text-6xl font-extrabold text-brand dark:text-brand-light">404</p>
      <h1 className="mt-4 text-2xl font-extrabold text-slate-900 dark:text-white">Page introuvable</h1>
      <p className="mx-auto mt-2 max-w-md text-slate-600 dark:text-slate-400">
        {what} n'existe pas ou n'est plus disponible. Cherchez un produit ou revenez à l'accueil.
      </p>
      <div className="mx-auto mt-6 max-w-md">
        <SearchForm id="recherche-404" />
      </div>
      <div className="mt-6 flex justify-center gap-3">
        <Link to={HOME_URL} className="btn-primary">
          Retour à l'accueil
        </Link>
        <Link to={catalogUrl()} className="btn-outline">
          Voir les produits
        </Link>
      </div>
    </section>
  );
}
