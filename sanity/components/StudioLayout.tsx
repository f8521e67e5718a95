import { useEffect } from "react";
import type { LayoutProps } from "sanity";

/**
 * Strings the French locale cannot reach: `@sanity/ui` writes these accessible names in English
 * in its components (dialog close button, autocomplete clear and open buttons, a field's actions menu).
 */
const ARIA_LABELS: Record<string, string> = {
  "Close dialog": "Fermer",
  Clear: "Effacer",
  Open: "Ouvrir",
  "Field actions": "Actions du champ",
};

function translate(root: ParentNode): void {
  for (const element of root.querySelectorAll("[aria-label]")) {
    const french = ARIA_LABELS[element.getAttribute("aria-label") ?? ""];
    if (french) element.setAttribute("aria-label", french);
  }
}

/** The Studio's page in French: `<html lang="fr">` and the accessible names above. */
export function StudioLayout(props: LayoutProps) {
  useEffect(() => {
    document.documentElement.lang = "fr";
    translate(document.body);
    const observer = new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === "attributes") translate(mutation.target.parentNode ?? document.body);
        for (const node of mutation.addedNodes) if (node instanceof Element) translate(node.parentNode ?? node);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["aria-label"] });
    return () => observer.disconnect();
  }, []);
  return props.renderDefault(props);
}
