import { EyeOpenIcon } from "@sanity/icons/EyeOpen";
import type { DocumentActionComponent } from "sanity";
import { previewTarget, previewUrl, storefrontPath } from "../components/storefront";

/**
 * « Aperçu »: opens the document as it is now (the draft when there is one) on the storefront, in
 * preview mode (drafts, with the « Aperçu » banner), in a new tab.
 */
export const PreviewAction: DocumentActionComponent = ({ draft, published }) => {
  const target = previewTarget();
  const path = storefrontPath((draft ?? published) as Parameters<typeof storefrontPath>[0]);
  if (!path) return null;
  return {
    label: "Aperçu",
    icon: EyeOpenIcon,
    disabled: !target,
    title: target
      ? "Voir ce brouillon sur la boutique, sans le publier"
      : "L'aperçu n'est pas configuré (SANITY_STUDIO_PREVIEW_URL et SANITY_STUDIO_PREVIEW_SECRET).",
    onHandle: () => {
      if (target) window.open(previewUrl(target, path), "_blank", "noopener");
    },
  };
};
PreviewAction.displayName = "PreviewAction";
