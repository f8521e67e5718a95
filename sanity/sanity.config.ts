import { frFRLocale } from "@sanity/locale-fr-fr";
import { defineConfig } from "sanity";
import { structureTool } from "sanity/structure";
import { SINGLETON_TYPES, schemaTypes } from "./schemaTypes";

export default defineConfig({
  name: "ashtech-store",
  title: "ASHTECH STORE",
  projectId: process.env.SANITY_STUDIO_PROJECT_ID || "demo",
  dataset: process.env.SANITY_STUDIO_DATASET || "production",
  plugins: [structureTool(), frFRLocale()],
  schema: {
    types: schemaTypes,
    // The shop reads siteSettings by its fixed _id: a second one would never be shown.
    templates: (templates) => templates.filter(({ schemaType }) => !SINGLETON_TYPES.has(schemaType)),
  },
  document: {
    actions: (actions, { schemaType }) =>
      SINGLETON_TYPES.has(schemaType)
        ? actions.filter(({ action }) => action !== "duplicate" && action !== "delete" && action !== "unpublish")
        : actions,
  },
});
