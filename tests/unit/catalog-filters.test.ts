import { describe, expect, it } from "vitest";
import { parseCatalogFilters } from "~/modules/catalog/listing.server";

describe("catalog filters", () => {
  it("reads its state from the URL and shrugs off nonsense", () => {
    expect(
      parseCatalogFilters(
        new URLSearchParams("categorie=formations&min=1000&max=5000&promo=1&tri=prix-croissant&q=%20ia%20&page=2"),
      ),
    ).toEqual({
      category: "formations",
      minPrice: 1000,
      maxPrice: 5000,
      onSale: true,
      sort: "prix-croissant",
      q: "ia",
      page: 2,
    });
    expect(
      parseCatalogFilters(new URLSearchParams("categorie=%22%5D%7B*%7D&min=abc&max=-5&tri=hasard&page=0&q=")),
    ).toEqual({
      category: undefined,
      minPrice: undefined,
      maxPrice: undefined,
      onSale: false,
      sort: "nouveautes",
      q: undefined,
      page: 1,
    });
  });
});
