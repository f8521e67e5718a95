import { useFetcher, useLocation } from "@remix-run/react";
import { Icon } from "./Icon";
import { THEME_URL } from "~/lib/urls";

export const THEME_FETCHER_KEY = "theme";

/**
 * A form, so it works without JavaScript (the action sets a cookie and redirects back). Which
 * button shows is decided by CSS from the theme actually displayed, including the system's.
 * With JavaScript the root applies the choice optimistically from this fetcher.
 */
export function ThemeToggle() {
  const fetcher = useFetcher({ key: THEME_FETCHER_KEY });
  const location = useLocation();
  const button =
    "inline-flex h-11 w-11 items-center justify-center rounded-xl text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800";
  return (
    <fetcher.Form method="post" action={THEME_URL} preventScrollReset>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button
        type="submit"
        name="theme"
        value="dark"
        className={`${button} dark:hidden`}
        aria-label="Activer le mode sombre"
      >
        <Icon name="moon" />
      </button>
      <button
        type="submit"
        name="theme"
        value="light"
        className={`${button} hidden dark:inline-flex`}
        aria-label="Activer le mode clair"
      >
        <Icon name="sun" />
      </button>
    </fetcher.Form>
  );
}
