import { defineCliConfig } from "sanity/cli";

export default defineCliConfig({
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID || "demo",
    dataset: process.env.SANITY_STUDIO_DATASET || "production",
  },
  // Required fields are non-optional in the generated types: the storefront's parsers rely on them.
  schemaExtraction: { enforceRequiredFields: true },
  // `npm run typegen` at the repo root: the storefront's `defineQuery` queries typed from schema.json.
  typegen: {
    path: "../app/**/*.{ts,tsx}",
    // Overridable so the up-to-date test can generate beside the committed files and compare.
    schema: process.env.SANITY_TYPEGEN_SCHEMA || "schema.json",
    generates: process.env.SANITY_TYPEGEN_OUT || "../app/sanity.types.ts",
    overloadClientMethods: true,
  },
});
