import { createImageUrlBuilder } from "@sanity/image-url";
import { describe, expect, it } from "vitest";
import { cardImageSources } from "~/lib/card-image";

describe("cardImageSources", () => {
  const builder = createImageUrlBuilder({ projectId: "demo", dataset: "production" });
  const ref = "image-98ea3c2a4d5671f7311a0229d75ad23026d67f8c-1200x900-jpg";
  const crop = (width: number) =>
    builder
      .image(ref)
      .width(width)
      .height((width * 3) / 4)
      .fit("crop")
      .auto("format")
      .url();

  it("writes the same 4:3 crop addresses as @sanity/image-url, from the asset's address alone", () => {
    const sources = cardImageSources(builder.image(ref).url());
    expect(sources.src).toBe(crop(480));
    expect(sources.srcSet).toBe([240, 360, 480, 720].map((width) => `${crop(width)} ${width}w`).join(", "));
    expect(sources).toMatchObject({ width: 480, height: 360 });
  });
});
