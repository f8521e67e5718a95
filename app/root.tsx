import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useFetcher,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { SiteFooter } from "~/components/SiteFooter";
import { SiteHeader } from "~/components/SiteHeader";
import { THEME_FETCHER_KEY } from "~/components/ThemeToggle";
import { WhatsAppFloat } from "~/components/WhatsAppFloat";
import { pageHeaders } from "~/modules/platform/http.server";
import { useOptionalLayout } from "~/lib/layout";
import { errorMeta } from "~/lib/seo";
import { useNonce } from "~/lib/nonce";
import { isTheme } from "~/lib/theme";
import { readTheme } from "~/modules/platform/theme.server";
import { contactLink } from "~/lib/whatsapp";
import { cartCount, readCart } from "~/modules/cart/cart.server";
import { getLayout } from "~/modules/catalog/layout.server";
import { catalogContextFor } from "~/modules/catalog/preview.server";
import { getSession } from "~/modules/platform/session.server";
import stylesheet from "~/tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
  { rel: "apple-touch-icon", href: "/apple-touch-icon.png" },
];

/**
 * Cookie state (theme, cart size) and the header and footer's content (from the content cache: no
 * lake request when warm), drafts included in preview.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const [theme, session, ctx] = await Promise.all([
    readTheme(request),
    getSession(request),
    catalogContextFor(request),
  ]);
  return { theme, cartCount: cartCount(readCart(session)), layout: await getLayout(ctx) };
}

/**
 * Loaded once per document: plain navigations (links, GET forms, the order page's polling) keep it.
 * A submission may change the cart count or the theme, so it runs again after one; editors' changes
 * to the header reach a shopper on their next full page load.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod !== undefined && formMethod.toUpperCase() !== "GET" ? defaultShouldRevalidate : false;

export const headers = pageHeaders;

export const meta: MetaFunction = ({ error }) => (error ? errorMeta(error) : []);

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const layout = useOptionalLayout();
  const themeFetcher = useFetcher({ key: THEME_FETCHER_KEY });
  // The toggle applies at once; the cookie (and so the server's answer) follows.
  const chosen = themeFetcher.formData?.get("theme");
  const theme = isTheme(chosen) ? chosen : (data?.theme ?? null);
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

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
