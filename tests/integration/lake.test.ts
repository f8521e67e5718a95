import { type SanityClient } from "@sanity/client";
import { createImageUrlBuilder } from "@sanity/image-url";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLake, type RunningLake } from "../../sandbox/lake/server";
import { token, tempDir, clientFor, writeSeed, expectRejection } from "../support/lake-sandbox";

describe("content lake sandbox", () => {
  let lake: RunningLake;
  let client: SanityClient;
  let dataDir: string;

  beforeAll(async () => {
    const seedDir = await tempDir("seed");
    await writeSeed(seedDir);
    dataDir = await tempDir("data");
    lake = await startLake({ port: 0, dataDir, token, seedDir });
    client = clientFor(lake.url, { token });
  });

  afterAll(async () => {
    await lake?.close();
  });

  it("imports the seed like `sanity dataset import`, assets included", async () => {
    const product = await client.fetch(`*[_id == "product-guide"][0]{
      title, "category": category->title,
      "cover": images[0]{alt, _key, "asset": asset->{_id, mimeType, extension, sha1hash, size, metadata{dimensions}}},
      "pdf": deliverables[0]{title, "asset": asset->{_id, mimeType, originalFilename}}
    }`);
    expect(product.title).toBe("Guide");
    expect(product.category).toBe("Formations");
    expect(product.cover.alt).toBe("Couverture");
    expect(product.cover._key).toBe("cover");
    expect(product.cover.asset._id).toMatch(/^image-[a-f0-9]{40}-1200x800-jpg$/);
    expect(product.cover.asset.metadata.dimensions).toEqual({
      _type: "sanity.imageDimensions",
      width: 1200,
      height: 800,
      aspectRatio: 1.5,
    });
    expect(product.pdf).toMatchObject({
      title: "Le guide",
      asset: { mimeType: "application/pdf", originalFilename: "guide.pdf" },
    });
    expect(product.pdf.asset._id).toMatch(/^file-[a-f0-9]{40}-pdf$/);
  });

  it("refuses reads and writes without the token, but serves images publicly", async () => {
    const anonymous = clientFor(lake.url);
    const error = await expectRejection(anonymous.fetch("*"), 401);
    expect(error.message).toContain("Unauthorized");
    await expectRejection(anonymous.getDocument("product-guide"), 401);
    await expectRejection(clientFor(lake.url, { token: "wrong" }).fetch("*"), 401);
    await expectRejection(anonymous.create({ _type: "product", title: "x" }), 401);

    const asset = await client.fetch(
      `*[_id == "product-guide"][0]{"image": images[0].asset->url, "file": deliverables[0].asset->url}`,
    );
    expect((await fetch(asset.image)).status).toBe(200);
    expect((await fetch(asset.file)).status).toBe(401);
    const file = await fetch(asset.file, { headers: { Authorization: `Bearer ${token}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(await file.text()).toContain("%PDF-1.4");
  });

  it("creates documents: create, createOrReplace, createIfNotExists, generated ids, id conflicts", async () => {
    const created = await client.create({ _type: "page", title: "À propos" });
    expect(created._id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created._rev).toMatch(/^[A-Za-z0-9]{22}$/);
    expect(created._createdAt).toBe(created._updatedAt);

    const conflict = await expectRejection(client.create({ _id: created._id, _type: "page" }), 409);
    expect(conflict.message).toContain(`Document by ID "${created._id}" already exists`);
    expect(conflict.details).toMatchObject({
      type: "mutationError",
      items: [{ index: 0, error: { type: "documentAlreadyExistsError" } }],
    });

    const replaced = await client.createOrReplace({ _id: created._id, _type: "page", title: "Contact" });
    expect(replaced.title).toBe("Contact");
    expect(replaced._createdAt).toBe(created._createdAt);
    expect(replaced._rev).not.toBe(created._rev);

    const kept = await client.createIfNotExists({ _id: created._id, _type: "page", title: "ignored" });
    expect(kept.title).toBe("Contact");
    expect(kept._rev).toBe(replaced._rev);

    const draft = await client.create({ _id: "drafts.", _type: "page", title: "Brouillon" });
    expect(draft._id).toMatch(/^drafts\.[0-9a-f-]{36}$/);
  });

  it("patches with every operation, by id and by query", async () => {
    await client.createOrReplace({
      _id: "patch-target",
      _type: "product",
      title: "Formation Excel",
      price: 1000,
      salesCount: 10,
      tags: ["excel", "bureautique"],
      faq: [
        { _key: "a", question: "Q1", answer: "R1" },
        { _key: "b", question: "Q2", answer: "R2" },
      ],
      obsolete: true,
      summary: "Apprenez Excel vite",
    });
    const patched = await client
      .patch("patch-target")
      .set({ title: "Formation Excel complète", 'faq[_key=="a"].answer': "R1 bis" })
      .setIfMissing({ featured: false, price: 999 })
      .unset(["obsolete", 'faq[_key=="b"]'])
      .inc({ salesCount: 5 })
      .dec({ price: 100 })
      .insert("after", "tags[-1]", ["tableur"])
      .diffMatchPatch({ summary: "@@ -1,8 +1,8 @@\n-Apprenez\n+Maîtrisez\n" })
      .commit();
    expect(patched).toMatchObject({
      title: "Formation Excel complète",
      featured: false,
      price: 900,
      salesCount: 15,
      tags: ["excel", "bureautique", "tableur"],
      faq: [{ _key: "a", question: "Q1", answer: "R1 bis" }],
      summary: "Maîtrisez Excel vite",
    });
    expect(patched).not.toHaveProperty("obsolete");

    const before = await client.patch("patch-target").insert("before", "tags[0]", ["microsoft"]).commit();
    expect(before.tags).toEqual(["microsoft", "excel", "bureautique", "tableur"]);
    const replaced = await client.patch("patch-target").insert("replace", "tags[1]", ["Excel 365"]).commit();
    expect(replaced.tags).toEqual(["microsoft", "Excel 365", "bureautique", "tableur"]);

    await client.createOrReplace({ _id: "bulk-1", _type: "bulk", n: 1 });
    await client.createOrReplace({ _id: "bulk-2", _type: "bulk", n: 2 });
    await client
      .patch({ query: "*[_type == $type]", params: { type: "bulk" } })
      .inc({ n: 10 })
      .commit();
    expect(await client.fetch(`*[_type == "bulk"] | order(_id).n`)).toEqual([11, 12]);

    await expectRejection(client.patch("missing-doc").set({ a: 1 }).commit(), 404);
  });

  it("deletes by id and by query", async () => {
    await client.createOrReplace({ _id: "gone-1", _type: "temp" });
    await client.createOrReplace({ _id: "gone-2", _type: "temp" });
    await client.createOrReplace({ _id: "gone-3", _type: "temp" });
    await client.delete("gone-1");
    await client.delete({ query: `*[_type == "temp" && _id in $ids]`, params: { ids: ["gone-2", "gone-3"] } });
    expect(await client.fetch(`count(*[_type == "temp"])`)).toBe(0);
    expect(await client.getDocument("gone-1")).toBeUndefined();
  });

  it("rejects a stale ifRevisionID with 409 and leaves the document untouched", async () => {
    const doc = await client.createOrReplace({ _id: "order-1", _type: "order", status: "pending" });
    const paid = await client.patch("order-1").ifRevisionId(doc._rev).set({ status: "paid" }).commit();
    expect(paid.status).toBe("paid");

    const error = await expectRejection(
      client.patch("order-1").ifRevisionId(doc._rev).set({ status: "failed" }).commit(),
      409,
    );
    expect(error.message).toContain("has unexpected revision ID");
    expect(error.details).toMatchObject({
      type: "mutationError",
      items: [
        {
          error: {
            type: "documentRevisionIDDoesNotMatchError",
            currentRevisionID: paid._rev,
            expectedRevisionID: doc._rev,
          },
        },
      ],
    });
    expect((await client.getDocument("order-1"))?.status).toBe("paid");
  });

  it("applies a transaction as a whole or not at all", async () => {
    await client.createOrReplace({ _id: "stock", _type: "counter", n: 1 });
    const failing = client
      .transaction()
      .create({ _id: "tx-new", _type: "page" })
      .patch("stock", (patch) => patch.inc({ n: 1 }))
      .patch("no-such-document", (patch) => patch.set({ x: 1 }));
    const error = await expectRejection(failing.commit(), 404);
    expect(error.details).toMatchObject({ items: [{ index: 2, error: { type: "documentNotFoundError" } }] });
    expect(await client.getDocument("tx-new")).toBeUndefined();
    expect((await client.getDocument("stock"))?.n).toBe(1);

    const result = await client
      .transaction()
      .create({ _id: "tx-new", _type: "page" })
      .patch("stock", (patch) => patch.inc({ n: 1 }))
      .commit();
    expect(result.results).toEqual([
      { id: "tx-new", operation: "create" },
      { id: "stock", operation: "update" },
    ]);
    const [created, stock] = await client.getDocuments(["tx-new", "stock"]);
    expect(stock?.n).toBe(2);
    expect(created?._rev).toBe(result.transactionId);
    expect(stock?._rev).toBe(result.transactionId);
  });

  it("serialises concurrent writers", async () => {
    await client.createOrReplace({ _id: "hits", _type: "counter", n: 0 });
    await Promise.all(Array.from({ length: 20 }, () => client.patch("hits").inc({ n: 1 }).commit()));
    expect((await client.getDocument("hits"))?.n).toBe(20);
  });

  it("rejects malformed mutations with 400 and applies none of them", async () => {
    const error = await expectRejection(
      client.mutate([{ create: { _id: "valid-one", _type: "page" } }, { patch: { id: "x", frobnicate: {} } } as never]),
      400,
    );
    expect(error.details).toMatchObject({ type: "mutationError", items: [{ index: 1 }] });
    expect(await client.getDocument("valid-one")).toBeUndefined();
    await expectRejection(client.create({ _id: "bad id!", _type: "page" }), 400);
  });

  it("returns GROQ syntax errors as 400 with Sanity's queryParseError body", async () => {
    const error = await expectRejection(client.fetch(`*[_type == "product"`), 400);
    expect(error.message).toContain("GROQ query parse error");
    expect(error.details).toMatchObject({
      type: "queryParseError",
      query: `*[_type == "product"`,
      start: expect.any(Number),
      end: expect.any(Number),
    });
    const missing = await expectRejection(client.fetch(`*[_type == $type]`), 400);
    expect(missing.message).toContain("param $type referenced, but not provided");

    const raw = await fetch(`${lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent("*[")}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(raw.status).toBe(400);
    const body = await raw.json();
    expect(body.error).toMatchObject({ type: "queryParseError", query: "*[", description: expect.any(String) });
  });

  it("answers queries with {ms, query, result}, params, now() and POST for long queries", async () => {
    const full = await client.fetch(`*[_type == $type][0].title`, { type: "category" }, { filterResponse: false });
    expect(full).toMatchObject({ result: "Formations", query: `*[_type == $type][0].title` });
    expect(typeof full.ms).toBe("number");
    expect(await client.fetch(`dateTime(now()) > dateTime("2020-01-01T00:00:00Z")`)).toBe(true);
    const longQuery = `*[_id in $ids]._id`;
    const ids = Array.from({ length: 800 }, (_, i) => `product-${"x".repeat(10)}-${i}`).concat("product-guide");
    expect(await client.fetch(longQuery, { ids })).toEqual(["product-guide"]);
  });

  it("shows drafts only through the drafts perspective", async () => {
    await client.createOrReplace({ _id: "page-cgv", _type: "page", title: "CGV" });
    await client.createOrReplace({ _id: "drafts.page-cgv", _type: "page", title: "CGV (brouillon)" });
    await client.createOrReplace({ _id: "drafts.page-new", _type: "page", title: "Nouvelle page" });
    const query = `*[_type == "page" && _id in ["page-cgv", "page-new"]] | order(_id){_id, _originalId, title}`;

    expect(await client.fetch(query)).toEqual([{ _id: "page-cgv", _originalId: null, title: "CGV" }]);
    expect(await client.fetch(query, {}, { perspective: "drafts" })).toEqual([
      { _id: "page-cgv", _originalId: "drafts.page-cgv", title: "CGV (brouillon)" },
      { _id: "page-new", _originalId: "drafts.page-new", title: "Nouvelle page" },
    ]);
    const raw = await client.fetch(
      `*[_id in ["page-cgv", "drafts.page-cgv"]]._id | order(@)`,
      {},
      { perspective: "raw" },
    );
    expect(raw).toEqual(["drafts.page-cgv", "page-cgv"]);
  });

  it("answers a query filtered by _type exactly as a scan of every document would", async () => {
    await client
      .transaction()
      .createOrReplace({ _id: "idx-cat", _type: "category", title: "Index" })
      .createOrReplace({
        _id: "idx-p1",
        _type: "product",
        title: "B",
        price: 2,
        category: { _type: "reference", _ref: "idx-cat" },
      })
      .createOrReplace({
        _id: "idx-p2",
        _type: "product",
        title: "A",
        price: 1,
        category: { _type: "reference", _ref: "idx-cat" },
      })
      .createOrReplace({ _id: "drafts.idx-p2", _type: "product", title: "A (brouillon)", price: 1 })
      .createOrReplace({ _id: "idx-o1", _type: "order", title: "A", price: 1 })
      .commit();
    // Each pair: a query the lake narrows by type, and one it cannot (`!(_type != …)`) that scans everything.
    const pairs: Array<[string, Record<string, unknown>]> = [
      [`*[_type == "product" && price > 0]{_id, title}`, {}],
      [`*["product" == _type && price > 0] | order(title){_id, title}`, {}],
      [`*[_type == $type && title match "A*"]._id`, { type: "product" }],
      [`*[_type == $type]._id`, { type: 42 }],
      [
        `*[_type == "category" && _id == "idx-cat"]{title, "n": count(*[_type == "product" && references(^._id)]), "o": *[@._type == "order"][0]._id}`,
        {},
      ],
      [`*[_type == "product" || _type == "order"]._id`, {}],
      [`*[_type == "nothing"]`, {}],
    ];
    for (const perspective of ["published", "drafts", "raw"] as const) {
      for (const [indexed, params] of pairs) {
        const scanned = indexed.replaceAll(/(@\.)?_type == ("[a-z]+"|\$type)|"product" == _type/g, (match) =>
          match.startsWith('"product"') ? `!(_type != "product")` : `!(${match.replace("==", "!=")})`,
        );
        expect(scanned).not.toBe(indexed);
        const [fast, slow] = await Promise.all([
          client.fetch(indexed, params, { perspective }),
          client.fetch(scanned, params, { perspective }),
        ]);
        expect(fast, `${indexed} (${perspective})`).toEqual(slow);
      }
    }
    expect(
      await client.fetch(
        `*[_type == "product" && _id in ["idx-p1", "idx-p2"]] | order(_id).title`,
        {},
        { perspective: "drafts" },
      ),
    ).toEqual(["B", "A (brouillon)"]);
  });

  it("uploads an image and serves it resized and re-encoded", async () => {
    const png = await sharp({ create: { width: 1600, height: 900, channels: 4, background: "#F3C34D" } })
      .png()
      .toBuffer();
    const asset = await client.assets.upload("image", png, { filename: "banniere.png" });
    expect(asset._id).toMatch(/^image-[a-f0-9]{40}-1600x900-png$/);
    expect(asset).toMatchObject({
      _type: "sanity.imageAsset",
      extension: "png",
      mimeType: "image/png",
      originalFilename: "banniere.png",
      size: png.length,
    });
    const again = await client.assets.upload("image", png, { filename: "copie.png" });
    expect(again._id).toBe(asset._id);

    const builder = createImageUrlBuilder({ projectId: "demo", dataset: "production", baseUrl: lake.url });
    const resized = await fetch(builder.image(asset._id).width(320).format("webp").quality(70).url());
    expect(resized.status).toBe(200);
    expect(resized.headers.get("content-type")).toBe("image/webp");
    expect(resized.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const meta = await sharp(Buffer.from(await resized.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 320, height: 180 });

    const cropped = await fetch(builder.image(asset._id).width(200).height(200).fit("crop").format("jpg").url());
    expect(await sharp(Buffer.from(await cropped.arrayBuffer())).metadata()).toMatchObject({
      format: "jpeg",
      width: 200,
      height: 200,
    });

    const auto = await fetch(builder.image(asset._id).width(400).auto("format").url(), {
      headers: { Accept: "image/avif,image/webp,*/*" },
    });
    expect(auto.headers.get("content-type")).toBe("image/avif");
    expect(auto.headers.get("vary")).toBe("Accept");
    const legacy = await fetch(builder.image(asset._id).width(400).auto("format").url(), {
      headers: { Accept: "*/*" },
    });
    expect(legacy.headers.get("content-type")).toBe("image/png");

    const badParams = await fetch(`${builder.image(asset._id).url()}?w=huge`);
    expect(badParams.status).toBe(400);
  });

  it("uploads files privately and deduplicates them by content", async () => {
    const pdf = Buffer.from("%PDF-1.4\n% another deliverable\n");
    const first = await client.assets.upload("file", pdf, { filename: "cours.pdf", contentType: "application/pdf" });
    const second = await client.assets.upload("file", pdf, { filename: "copie.pdf", contentType: "application/pdf" });
    expect(first._id).toMatch(/^file-[a-f0-9]{40}-pdf$/);
    expect(second._id).toBe(first._id);
    const download = await fetch(`${first.url}?dl=cours.pdf`, { headers: { Authorization: `Bearer ${token}` } });
    expect(download.headers.get("content-disposition")).toContain('filename="cours.pdf"');
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it("emits each committed transaction to listeners", async () => {
    const seen: string[] = [];
    const listener = (tx: { effects: { id: string }[] }) => seen.push(...tx.effects.map((effect) => effect.id));
    lake.listeners.on("transaction", listener);
    await client.createOrReplace({ _id: "heard", _type: "page" });
    lake.listeners.off("transaction", listener);
    expect(seen).toEqual(["heard"]);
  });
});
