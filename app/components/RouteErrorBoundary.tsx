import { isRouteErrorResponse, useLocation, useRouteError } from "@remix-run/react";
import { Icon } from "./Icon";
import { NotFound } from "./NotFound";
import { HOME_URL } from "~/lib/urls";

/** What the shopper is told for the errors they can do something about; anything else is the generic copy. */
const ERROR_COPY: Record<number, { title: string; text: string }> = {
  400: {
    title: "Formulaire illisible",
    text: "Votre envoi n'a pas pu être lu. Revenez à la page précédente, vérifiez le formulaire et réessayez.",
  },
  413: {
    title: "Envoi trop volumineux",
    text: "Ce que vous avez envoyé dépasse la taille acceptée. Revenez à la page précédente et réessayez.",
  },
  415: {
    title: "Formulaire illisible",
    text: "Votre envoi n'a pas pu être lu. Revenez à la page précédente, vérifiez le formulaire et réessayez.",
  },
};
const GENERIC_ERROR = {
  title: "Oups, un problème est survenu",
  text: "La page n'a pas pu s'afficher. Réessayez dans un instant ; si le problème continue, écrivez-nous sur WhatsApp.",
};

/** What a 404 thrown by a loader (`notFound` in http.server.ts) names: « Ce produit », « Cette commande »… */
function missingSubject(data: unknown): string | undefined {
  return data && typeof data === "object" && "what" in data && typeof data.what === "string" ? data.what : undefined;
}

/**
 * Every page route's error boundary (and the root's): it renders inside the root layout, so a 404
 * or a failed page keeps the shop's header and footer, in French, with the status the loader threw.
 */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound what={missingSubject(error.data)} />;
  const copy = (isRouteErrorResponse(error) && ERROR_COPY[error.status]) || GENERIC_ERROR;
  return (
    <section className="container-page py-16 text-center">
      <p
        aria-hidden="true"
        className="mx-auto flex h-16 w-16 items-center justify-center rounded-full bg-red-100 text-red-600 dark:bg-red-950"
      >
        <Icon name="clock" className="h-8 w-8" />
      </p>
      <h1 className="mt-4 text-2xl font-extrabold text-slate-900 dark:text-white">{copy.title}</h1>
      <p className="mx-auto mt-2 max-w-md text-slate-600 dark:text-slate-400">{copy.text}</p>
      <div className="mt-6 flex justify-center gap-3">
        <a href={`${location.pathname}${location.search}`} className="btn-primary">
          Réessayer
        </a>
        <a href={HOME_URL} className="btn-outline">
          Retour à l'accueil
        </a>
      </div>
    </section>
  );
}
