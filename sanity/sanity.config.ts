import { frFRLocale } from "@sanity/locale-fr-fr";
import { defineConfig } from "sanity";
import { structureTool } from "sanity/structure";
import { MarkDeliveredAction } from "./actions/markDelivered";
import { PreviewAction } from "./actions/preview";
import { publishOnce } from "./actions/publishOnce";
import { FieldWithErrors, ShopInput } from "./components/form";
import { OrderInput } from "./components/OrderDeliveryBanner";
import { OrderReasonInput } from "./components/orderReason";
import { LiveEditBadge } from "./components/liveEditBadge";
import { PromotionStatusBadge } from "./components/promotionStatus";
import { StudioLayout } from "./components/StudioLayout";
import { RefundAction } from "./actions/refundAction";
import { SINGLETON_TYPES, schemaTypes } from "./schemaTypes";
import { structure } from "./structure";
// The sales dashboard tool (issue 14): its own folder, one line in `plugins`.
import { salesDashboard } from "./tools/salesDashboard";

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
  studio: { components: { layout: StudioLayout } },
  form: { components: { field: FieldWithErrors, input: ShopInput } },
  plugins: [structureTool({ structure, title: "Contenu" }), salesDashboard(), frFRLocale()],
  schema: {
    types: schemaTypes.map(withStudioComponents),
    // The shop reads siteSettings by its fixed _id, and orders are written by the storefront.
    templates: (templates) =>
      templates.filter(({ schemaType }) => !SINGLETON_TYPES.has(schemaType) && schemaType !== "order"),
  },
  document: {
    // Comments need sanity.io's comment service: switched off rather than an empty panel.
    comments: { enabled: false },
    actions: (actions, { schemaType }) => {
      // An order is a record of a payment: it is never duplicated or deleted from the Studio.
      if (schemaType === "order") return [MarkDeliveredAction, RefundAction];
      const allowed = (
        SINGLETON_TYPES.has(schemaType)
          ? actions.filter(({ action }) => action !== "duplicate" && action !== "delete" && action !== "unpublish")
          : actions
      ).map((action) => (action.action === "publish" ? publishOnce(action) : action));
      // « Publier » stays the footer's button; « Aperçu » comes right after it.
      return [...allowed.slice(0, 1), PreviewAction, ...allowed.slice(1)];
    },
    badges: (badges, { schemaType }) => {
      const french = badges.map((badge) => (badge.displayName === "LiveEditBadge" ? LiveEditBadge : badge));
      return schemaType === "promotion" ? [...french, PromotionStatusBadge] : french;
    },
    newDocumentOptions: (items, { creationContext }) =>
      creationContext.type === "global"
        ? items.filter(({ templateId }) => !SINGLETON_TYPES.has(templateId) && templateId !== "order")
        : items,
  },
});

/**
 * The order form's React parts, attached here so the schema files stay plain data that the
 * storefront's tests import (tests/unit/studio-schema.test.ts).
 */
function withStudioComponents<T extends (typeof schemaTypes)[number]>(type: T): T {
  if (type.name !== "order" || !("fields" in type)) return type;
  const reason = <F extends { name: string }>(field: F) => ({ ...field, components: { input: OrderReasonInput } });
  const fields = type.fields.map((field) => {
    if (field.name === "statusReason") return reason(field);
    // Each payment event's note, written by the storefront like the status reason.
    if (field.name === "paymentLog" && "of" in field && Array.isArray(field.of)) {
      const of = field.of.map((member) =>
        "fields" in member && Array.isArray(member.fields)
          ? {
              ...member,
              fields: member.fields.map((child: { name: string }) => (child.name === "note" ? reason(child) : child)),
            }
          : member,
      );
      return { ...field, of };
    }
    return field;
  });
  return { ...type, fields, components: { input: OrderInput } } as T;
}
