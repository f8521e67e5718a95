import { frFRLocale } from "@sanity/locale-fr-fr";
import { defineConfig } from "sanity";
import { structureTool } from "sanity/structure";
import { MarkDeliveredAction } from "./actions/markDelivered";
import { RefundAction } from "./actions/refundAction";
import { SINGLETON_TYPES, schemaTypes } from "./schemaTypes";
import { structure } from "./structure";

// On the sandbox (`npm run studio`) the page that serves the Studio names the lake's address,
// which changes every run: one cached build then fits every port. Elsewhere it is unset and
// the Studio talks to sanity.io as usual.
const apiHost =
  (globalThis as { __SANDBOX_SANITY_API_HOST__?: string }).__SANDBOX_SANITY_API_HOST__ ||
  process.env.SANITY_STUDIO_API_HOST ||
  undefined;

export default defineConfig({
  name: "ashtech-store",
  title: "ASHTECH STORE",
  projectId: process.env.SANITY_STUDIO_PROJECT_ID || "demo",
  dataset: process.env.SANITY_STUDIO_DATASET || "production",
  ...(apiHost ? { apiHost } : {}),
  // Features that need sanity.io's hosted services, which the shop does not use.
  releases: { enabled: false },
  scheduledDrafts: { enabled: false },
  scheduledPublishing: { enabled: false },
  tasks: { enabled: false },
  announcements: { enabled: false },
  plugins: [structureTool({ structure, title: "Contenu" }), frFRLocale()],
  schema: {
    types: schemaTypes,
    // The shop reads siteSettings by its fixed _id, and orders are written by the storefront.
    templates: (templates) =>
      templates.filter(({ schemaType }) => !SINGLETON_TYPES.has(schemaType) && schemaType !== "order"),
  },
  document: {
    actions: (actions, { schemaType }) => {
      if (SINGLETON_TYPES.has(schemaType)) {
        return actions.filter(({ action }) => action !== "duplicate" && action !== "delete" && action !== "unpublish");
      }
      // An order is a record of a payment: it is never duplicated or deleted from the Studio.
      if (schemaType === "order") return [MarkDeliveredAction, RefundAction];
      return actions;
    },
    newDocumentOptions: (items, { creationContext }) =>
      creationContext.type === "global"
        ? items.filter(({ templateId }) => !SINGLETON_TYPES.has(templateId) && templateId !== "order")
        : items,
  },
});
