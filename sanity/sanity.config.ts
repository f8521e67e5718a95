import { frFRLocale } from "@sanity/locale-fr-fr";
import { defineConfig } from "sanity";
import { structureTool } from "sanity/structure";
import { MarkDeliveredAction } from "./actions/markDelivered";
import { SINGLETON_TYPES, schemaTypes } from "./schemaTypes";
import { structure } from "./structure";

// The Studio served by `npm run studio` on the sandbox gets its API host at build time;
// without it the Studio talks to sanity.io as usual.
const apiHost = process.env.SANITY_STUDIO_API_HOST || undefined;

export default defineConfig({
  name: "ashtech-store",
  title: "ASHTECH STORE",
  projectId: process.env.SANITY_STUDIO_PROJECT_ID || "demo",
  dataset: process.env.SANITY_STUDIO_DATASET || "production",
  ...(apiHost ? { apiHost } : {}),
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
      if (schemaType === "order") return [MarkDeliveredAction];
      return actions;
    },
    newDocumentOptions: (items, { creationContext }) =>
      creationContext.type === "global"
        ? items.filter(({ templateId }) => !SINGLETON_TYPES.has(templateId) && templateId !== "order")
        : items,
  },
});
