import { describe, expect, it } from "vitest";
import { makeEncryptedPdf, readPdf } from "../support/pdf";
import { Shopper } from "../support/shopper";
import { buyAndPay, lake, reload, stack, useDeliveryStack } from "../support/delivery-stack";

/** Downloads of a paid order's files over real HTTP: stamped, counted, limited, and only with the order's link. */
const GUIDE = "product-guide-chatgpt-pour-entrepreneurs-africains"; // 5 000 F CFA, one PDF

useDeliveryStack();

describe("downloads", () => {
  const SEED_PDF = "sanity/seed/files/guide-chatgpt-pour-entrepreneurs-africains.pdf";

  async function downloadLinks(shopper: Shopper, orderUrl: string): Promise<string[]> {
    const html = await (await shopper.request(orderUrl)).text();
    return [...html.matchAll(/href="(\/telechargement\/[^"]+)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
  }

  it("streams the paid file through the storefront, logs each download, and stops at the limit", async () => {
    const { readFile } = await import("node:fs/promises");
    const { shopper, order, orderUrl } = await buyAndPay(GUIDE, "dl@example.com");
    const html = await (await shopper.request(orderUrl)).text();
    expect(html).not.toMatch(/\/files\/demo\//);
    expect(html).not.toContain("file-");
    const [link] = await downloadLinks(shopper, orderUrl);
    expect(link).toBeTruthy();

    const response = await fetch(new URL(link!, stack.baseUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="guide-chatgpt-pour-entrepreneurs-africains\.pdf"/,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    // The seed's file, with the buyer's line on every page and the order in its metadata.
    const original = await readFile(SEED_PDF);
    expect(bytes.subarray(0, original.length).equals(original)).toBe(true);
    const { pages, subject } = await readPdf(bytes);
    expect(pages.length).toBeGreaterThan(0);
    for (const text of pages)
      expect(text).toContain(
        `Exemplaire de Awa Diallo · +237 6••••••01 · d•••@example.com · commande ${order.number} du `,
      );
    expect(subject).toContain(order.number);

    // Four more, two at a time: the limit (5) counts them all exactly once.
    const more = await Promise.all(
      Array.from({ length: 4 }, () =>
        fetch(new URL(link!, stack.baseUrl)).then(async (r) => ({
          status: r.status,
          bytes: Buffer.from(await r.arrayBuffer()),
        })),
      ),
    );
    expect(more.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    // Stamped once, then the same copy.
    expect(more.every((answer) => answer.bytes.equals(bytes))).toBe(true);
    const logged = (await reload(order)).downloads ?? [];
    expect(logged.map((entry) => entry.count).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(logged[0]).toMatchObject({
      lineKey: order.lines[0]!._key,
      file: expect.any(String),
      at: expect.any(String),
    });

    const refused = await fetch(new URL(link!, stack.baseUrl));
    expect(refused.status).toBe(403);
    const page = await refused.text();
    expect(page).toContain("Limite de téléchargements atteinte");
    expect(page).toContain(`https://wa.me/`);
    expect(decodeURIComponent(page)).toContain(order.number);
    expect((await reload(order)).downloads).toHaveLength(5);
    const after = await (await shopper.request(orderUrl)).text();
    expect(after).toContain('data-testid="download-exhausted"');
  });

  it("serves the file as it is when an editor turned stamping off, or when the PDF cannot be stamped", async () => {
    const { readFile } = await import("node:fs/promises");
    await lake.patch(GUIDE).set({ stampPdf: false }).commit();
    try {
      const { shopper, orderUrl } = await buyAndPay(GUIDE, "plain@example.com");
      const [link] = await downloadLinks(shopper, orderUrl);
      const plain = Buffer.from(await (await fetch(new URL(link!, stack.baseUrl))).arrayBuffer());
      expect(plain.equals(await readFile(SEED_PDF))).toBe(true);
    } finally {
      await lake.patch(GUIDE).unset(["stampPdf"]).commit();
    }

    const encrypted = Buffer.from(await makeEncryptedPdf());
    const asset = await lake.assets.upload("file", encrypted, {
      filename: "protege.pdf",
      contentType: "application/pdf",
    });
    const before = (await lake.getDocument<{ deliverables: unknown[] }>(GUIDE))!.deliverables;
    await lake
      .patch(GUIDE)
      .set({
        deliverables: [
          { _key: "locked", _type: "file", title: "Protégé", asset: { _type: "reference", _ref: asset._id } },
        ],
      })
      .commit();
    try {
      const { shopper, order, orderUrl } = await buyAndPay(GUIDE, "locked@example.com");
      const [link] = await downloadLinks(shopper, orderUrl);
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await fetch(new URL(link!, stack.baseUrl));
        expect(response.status).toBe(200);
        expect(Buffer.from(await response.arrayBuffer()).equals(encrypted)).toBe(true);
      }
      expect((await reload(order)).downloads).toHaveLength(2);
      expect(stack.output()).toContain(`order ${order.number}: PDF ${asset.sha1hash} served unstamped`);
    } finally {
      await lake.patch(GUIDE).set({ deliverables: before }).commit();
    }
  });

  it("refuses a wrong token, an unpaid or failed order, and an expired link", async () => {
    const { shopper, order, orderUrl } = await buyAndPay(GUIDE, "dl2@example.com");
    const [link] = await downloadLinks(shopper, orderUrl);
    const url = new URL(link!, stack.baseUrl);
    const wrong = new URL(url);
    // One character off (a token ending in "x" gets a "y": one in 64 tokens did, and passed).
    wrong.searchParams.set("t", `${order.accessToken.slice(0, -1)}${order.accessToken.endsWith("x") ? "y" : "x"}`);
    expect((await fetch(wrong)).status).toBe(404);
    const none = new URL(url);
    none.searchParams.delete("t");
    expect((await fetch(none)).status).toBe(404);

    for (const status of ["pending", "failed", "expired"]) {
      await lake.patch(order._id).set({ status }).commit();
      const response = await fetch(url);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain("Commande non payée");
    }
    await lake
      .patch(order._id)
      .set({ status: "paid", paidAt: new Date(Date.now() - 31 * 24 * 60 * 60 * 1000).toISOString() })
      .commit();
    const expired = await fetch(url);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("Lien expiré");
    expect((await reload(order)).downloads ?? []).toHaveLength(0);
  });

  it("never serves a deliverable without the lake's token, nor through a public query", async () => {
    const anonymous = await fetch(
      `${stack.sandbox.urls.lake}/v2025-02-19/data/query/production?query=${encodeURIComponent(
        "*[_type == 'product'][0].deliverables",
      )}`,
    );
    expect(anonymous.status).toBe(401);
    const assetPath = (await lake.fetch<string>(`*[_id == $id][0].deliverables[0].asset->path`, { id: GUIDE }))!;
    expect((await fetch(`${stack.sandbox.urls.lake}/${assetPath}`)).status).toBe(401);
    const product = await (await fetch(`${stack.baseUrl}/produits/guide-chatgpt-pour-entrepreneurs-africains`)).text();
    expect(product).not.toContain(assetPath.split("/").at(-1)!.split(".")[0]!);
    expect(product).not.toContain("/files/");
  });
});
