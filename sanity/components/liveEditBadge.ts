import type { DocumentBadgeComponent } from "sanity";

/**
 * Sanity's badge for a document edited without drafts (orders) says « Live », hard-coded in
 * English: replaced by the same badge in French.
 */
export const LiveEditBadge: DocumentBadgeComponent = ({ liveEditSchemaType, version }) =>
  liveEditSchemaType && !version
    ? {
        label: "En direct",
        title: "Chaque modification est enregistrée aussitôt, sans brouillon ni publication.",
        color: "danger",
      }
    : null;
LiveEditBadge.displayName = "FrenchLiveEditBadge";
