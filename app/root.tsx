import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useFetcher,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { Icon } from "~/components/Icon";
import { NotFound } from "~/components/NotFound";
import { SiteFooter } from "~/components/SiteFooter";
import { SiteHeader } from "~/components/SiteHeader";
import { THEME_FETCHER_KEY } from "~/components/ThemeToggle";
import { WhatsAppFloat } from "~/components/WhatsAppFloat";
import { pageHeaders } from "~/lib/http.server";
import { useLayout } from "~/lib/layout";
import { useNonce } from "~/lib/nonce";
import { isTheme } from "~/lib/theme";
import { readTheme } from "~/lib/theme.server";
import { HOME_URL } from "~/lib/urls";
import { contactLink } from "~/lib/whatsapp";
import { cartCount, readCart } from "~/modules/cart.server";
import { getSession } from "~/modules/session.server";
import stylesheet from "~/tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
  { rel: "apple-touch-icon", href: "/apple-touch-icon.png" },
];

/** Only cookie state (theme, cart size): content for the header and footer comes with each page's own query. */
export async function loader({ request }: LoaderFunctionArgs) {
  const [theme, session] = await Promise.all([readTheme(request), getSession(request)]);
  return { theme, cartCount: cartCount(readCart(session)) };
}

export const headers = pageHeaders;

export const meta: MetaFunction = ({ error }) =>
  error
    ? [
        {
          title:
            isRouteErrorResponse(error) && error.status === 404
              ? "Page introuvable | ASHTECH STORE"
              : "Erreur | ASHTECH STORE",
        },
        { name: "robots", content: "noindex" },
      ]
    : [];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const layout = useLayout();
  const themeFetcher = useFetcher({ key: THEME_FETCHER_KEY });
  // The toggle applies at once; the cookie (and so the server's answer) follows.
  const chosen = themeFetcher.formData?.get("theme");
  const theme = isTheme(chosen) ? chosen : data?.theme ?? null;
  const shopName = layout?.settings.shopName ?? "ASHTECH STORE";
  const whatsappNumber = layout?.settings.whatsappNumber;

  return (
    <html lang="fr" className={theme ?? undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#5D5CDE" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <a
          href="#contenu"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Aller au contenu
        </a>
        <SiteHeader layout={layout} cartCount={data?.cartCount ?? 0} />
        <main id="contenu" className="flex-1">
          {children}
        </main>
        <SiteFooter layout={layout} />
        {whatsappNumber ? <WhatsAppFloat href={contactLink(whatsappNumber, shopName)} /> : null}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

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

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
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
        <a href="" className="btn-primary">
          Réessayer
        </a>
        <a href={HOME_URL} className="btn-outline">
          Retour à l'accueil
        </a>
      </div>
    </section>
  );
}
