import type { StructureBuilder, StructureResolver } from "sanity/structure";

// GROQ `now()` is evaluated by the lake on every list refresh, so promotions move between
// "en cours", "programmées" and "terminées" without anyone touching them.
const API_VERSION = "2025-02-19";

type SectionItems = Parameters<ReturnType<StructureBuilder["list"]>["items"]>[0];

// A desk folder: one list item opening a list under the same id and title.
const section = (S: StructureBuilder, id: string, title: string, items: SectionItems) =>
  S.listItem().id(id).title(title).child(S.list().id(id).title(title).items(items));

const documents = (S: StructureBuilder, title: string, type: string, filter: string, id: string) =>
  S.listItem()
    .id(id)
    .title(title)
    .child(
      S.documentList()
        .id(id)
        .title(title)
        .schemaType(type)
        .apiVersion(API_VERSION)
        .filter(`_type == "${type}" && (${filter})`),
    );

const productsByCategory = (S: StructureBuilder) =>
  S.listItem()
    .id("products-by-category")
    .title("Produits par catégorie")
    .child(
      S.documentTypeList("category")
        .title("Produits par catégorie")
        .child((categoryId) =>
          S.documentList()
            .title("Produits")
            .schemaType("product")
            .apiVersion(API_VERSION)
            .filter('_type == "product" && category._ref == $categoryId')
            .params({ categoryId }),
        ),
    );

export const structure: StructureResolver = (S) =>
  S.list()
    .id("root")
    .title("Contenu")
    .items([
      section(S, "catalogue", "Catalogue", [
        S.documentTypeListItem("product").id("products").title("Tous les produits"),
        productsByCategory(S),
        documents(S, "Produits phares", "product", "featured == true", "products-featured"),
        documents(S, "En promo", "product", "defined(promoPrice) && promoEndsAt > now()", "products-on-promo"),
        S.divider(),
        S.documentTypeListItem("category").id("categories").title("Catégories"),
        S.documentTypeListItem("accessCodePool").id("access-code-pools").title("Stocks de codes d'accès"),
      ]),
      section(S, "marketing", "Marketing", [
        documents(S, "Promotions en cours", "promotion", "startsAt <= now() && endsAt > now()", "promotions-current"),
        documents(S, "Promotions programmées", "promotion", "startsAt > now()", "promotions-planned"),
        documents(S, "Promotions terminées", "promotion", "endsAt <= now()", "promotions-past"),
        S.documentTypeListItem("promotion").id("promotions").title("Toutes les promotions"),
        S.divider(),
        S.documentTypeListItem("discountCode").id("discount-codes").title("Codes promo"),
      ]),
      S.documentTypeListItem("page").id("pages").title("Pages"),
      section(S, "reviews", "Avis", [
        documents(S, "Avis à modérer", "review", 'status == "pending"', "reviews-pending"),
        documents(S, "Avis publiés", "review", 'status == "published"', "reviews-published"),
        documents(S, "Avis refusés", "review", 'status == "rejected"', "reviews-rejected"),
      ]),
      section(S, "orders", "Commandes", [
        documents(S, "En attente", "order", 'status == "pending"', "orders-pending"),
        documents(S, "Payées", "order", 'status == "paid"', "orders-paid"),
        documents(S, "À livrer", "order", 'status == "paid" && fulfilment.status == "to_deliver"', "orders-to-deliver"),
        documents(
          S,
          "Paiements en double à rembourser",
          "order",
          'count(duplicatePayments[refundStatus == "to_refund"]) > 0',
          "orders-to-refund",
        ),
        documents(S, "Échouées", "order", 'status == "failed"', "orders-failed"),
        documents(S, "Expirées", "order", 'status == "expired"', "orders-expired"),
        documents(S, "Remboursées", "order", 'status == "refunded"', "orders-refunded"),
        documents(S, "Réclamations", "order", 'count(claims[status == "open"]) > 0', "orders-claims"),
        S.divider(),
        S.documentTypeListItem("order").id("orders-all").title("Toutes les commandes"),
      ]),
      S.divider(),
      S.listItem()
        .id("settings")
        .title("Réglages")
        .child(S.document().schemaType("siteSettings").documentId("siteSettings").title("Réglages de la boutique")),
    ]);
