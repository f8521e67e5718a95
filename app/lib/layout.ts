import { useMatches } from "@remix-run/react";
import type { LayoutView } from "./catalog-types";

/**
 * Header and footer data travel inside each page's own query (one lake request per page), so the
 * root finds them on the deepest route that has them. Null on error pages rendered without data.
 */
export function useLayout(): LayoutView | null {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const data = matches[i]?.data;
    if (data && typeof data === "object" && "layout" in data) return (data as { layout: LayoutView }).layout;
  }
  return null;
}
