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

/**
 * The file input writes a file's size with its own English units (`formatBytes` in Sanity's file
 * input, no locale string, no hook): « 203 Bytes » becomes « 203 octets ». The text node keeps its
 * identity (its value is changed, not the node), so React can still update it.
 */
const SIZE_UNITS: Record<string, string> = { Bytes: "octets", KB: "Ko", MB: "Mo", GB: "Go", TB: "To" };
const FILE_SIZE = '[data-testid="file-size"]';

function translateSize(text: Node): void {
  const french = text.nodeValue?.replace(/^([\d.]+) (Bytes|KB|MB|GB|TB)$/, (_, size: string, unit: string) => `${size.replace(".", ",")} ${SIZE_UNITS[unit]}`);
  if (french !== undefined && french !== text.nodeValue) text.nodeValue = french;
}

function translate(root: ParentNode): void {
  for (const element of root.querySelectorAll("[aria-label]")) {
    const french = ARIA_LABELS[element.getAttribute("aria-label") ?? ""];
    if (french) element.setAttribute("aria-label", french);
  }
  for (const element of root.querySelectorAll(FILE_SIZE)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) translateSize(text);
  }
}

/** The Studio's page in French: `<html lang="fr">`, the accessible names and the file sizes above. */
export function StudioLayout(props: LayoutProps) {
  useEffect(() => {
    document.documentElement.lang = "fr";
    translate(document.body);
    const observer = new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === "characterData") {
          if (mutation.target.parentElement?.closest(FILE_SIZE)) translateSize(mutation.target);
          continue;
        }
        if (mutation.type === "attributes") translate(mutation.target.parentNode ?? document.body);
        for (const node of mutation.addedNodes) {
          if (node instanceof Element) translate(node.parentNode ?? node);
          else if (node.nodeType === Node.TEXT_NODE && node.parentElement?.closest(FILE_SIZE)) translateSize(node);
        }
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["aria-label"] });
    return () => observer.disconnect();
  }, []);
  return props.renderDefault(props);
}
