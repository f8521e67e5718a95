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
  const french = text.nodeValue?.replace(
    /^([\d.]+) (Bytes|KB|MB|GB|TB)$/,
    (_, size: string, unit: string) => `${size.replace(".", ",")} ${SIZE_UNITS[unit]}`,
  );
  if (french !== undefined && french !== text.nodeValue) text.nodeValue = french;
}

/**
 * Icon buttons Sanity renders with a tooltip but no accessible name (its `Button` puts the name in
 * the tooltip only), and no prop, option or component hook to give one short of rewriting the
 * input: an array item's drag handle and menu, a reference's menu, a radio list's clear button and
 * the tags input's remove buttons (whose tooltip is even hard-coded English, « Remove »).
 * Names we write carry `data-studio-name`, so a tag's name follows its text when tags shift.
 */
const NAMED = "data-studio-name";

function accessibleName(button: HTMLButtonElement): string | undefined {
  if (button.dataset.ui === "DragHandleButton") return "Déplacer";
  if (button.dataset.testid === "array-item-menu-button") return "Actions de l'élément";
  if (button.id.endsWith("-menuButton")) {
    // A field's own menu (a reference's) is named after the field's label.
    const label = document
      .querySelector(`label[for="${CSS.escape(button.id.slice(0, -"-menuButton".length))}"]`)
      ?.textContent?.trim();
    return label ? `Actions : ${label}` : "Plus d'actions";
  }
  const tag = button.closest('[data-ui="Tag"]');
  if (tag) return `Retirer le mot-clé ${tag.textContent?.trim() ?? ""}`.trim();
  if (button.parentElement?.previousElementSibling?.querySelector('input[type="radio"]')) return "Effacer le choix";
  return undefined;
}

function nameControls(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>(
    `button:not([aria-label]):not([aria-labelledby]), button[${NAMED}]`,
  )) {
    if (!button.hasAttribute(NAMED) && button.textContent?.trim()) continue;
    const name = accessibleName(button);
    if (name && button.getAttribute("aria-label") !== name) {
      button.setAttribute(NAMED, "");
      button.setAttribute("aria-label", name);
    }
  }
  // An array item's card says `aria-selected` without a role that allows it (Sanity's CellLayout
  // and RowLayout): the state is visual only, so the attribute goes.
  for (const card of root.querySelectorAll('[data-ui="Card"][aria-selected]:not([role])'))
    card.removeAttribute("aria-selected");
  // The field-group tabs point `aria-controls` at `<input id>-field-group-fields`, an id Sanity
  // never renders: the element holding the tabs and the group's fields gets it.
  for (const tab of root.querySelectorAll('[data-testid="field-group-tabs"] [aria-controls]')) {
    const panelId = tab.getAttribute("aria-controls") ?? "";
    const panel = tab.closest('[data-testid="field-groups"]')?.parentElement;
    if (panelId && panel && !panel.id && !document.getElementById(panelId)) panel.id = panelId;
  }
}

function translate(root: ParentNode): void {
  nameControls(root);
  for (const element of root.querySelectorAll("[aria-label]")) {
    const french = ARIA_LABELS[element.getAttribute("aria-label") ?? ""];
    if (french) element.setAttribute("aria-label", french);
  }
  for (const element of root.querySelectorAll(FILE_SIZE)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) translateSize(text);
  }
}

/**
 * The Studio's page in French and accessible: `<html lang="fr">`, the accessible names, the
 * unnamed icon buttons and invalid ARIA attributes, and the file sizes above.
 */
export function StudioLayout(props: LayoutProps) {
  useEffect(() => {
    document.documentElement.lang = "fr";
    translate(document.body);
    const observer = new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === "characterData") {
          if (mutation.target.parentElement?.closest(FILE_SIZE)) translateSize(mutation.target);
          const tag = mutation.target.parentElement?.closest('[data-ui="Tag"]');
          if (tag) nameControls(tag);
          continue;
        }
        if (mutation.type === "attributes") translate(mutation.target.parentNode ?? document.body);
        for (const node of mutation.addedNodes) {
          if (node instanceof Element) translate(node.parentNode ?? node);
          else if (node.nodeType === Node.TEXT_NODE && node.parentElement?.closest(FILE_SIZE)) translateSize(node);
        }
      }
    });
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ["aria-label", "aria-selected"],
    });
    return () => observer.disconnect();
  }, []);
  return props.renderDefault(props);
}
