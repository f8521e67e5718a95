import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";
import type { LayoutView } from "./catalog-types";

/**
 * Header and footer data (settings, categories, pages, payment offers) come once with the root
 * loader, which does not run again on plain navigations (root.tsx `shouldRevalidate`).
 * Null only while the root itself shows an error.
 */
export function useOptionalLayout(): LayoutView | null {
  return useRouteLoaderData<typeof rootLoader>("root")?.layout ?? null;
}

/** For pages, which render only under a root that loaded. */
export function useLayout(): LayoutView {
  const layout = useOptionalLayout();
  if (!layout) throw new Error("useLayout() needs the root loader's data; use useOptionalLayout() in the root layout.");
  return layout;
}
