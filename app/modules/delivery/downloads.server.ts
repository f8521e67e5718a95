import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { defineQuery } from "groq";
import { z } from "zod";
import { plainPage, type PlainPage } from "~/modules/platform/plain-page.server";
import { whatsappLink } from "~/lib/whatsapp";
import { downloadPolicy, downloadsOf, loadDeliveryInfo } from "./delivery.server";
import { getEnv } from "../platform/env.server";
import type { Order } from "../orders/order-document";
import { getOrderForShopper, newKey, reviseOrder } from "../orders/orders.server";
import type { Stamp } from "./pdf-stamp.server";
import { getSanityClient } from "../platform/sanity.server";
import { findCopy, storeStamped, type CachedCopy } from "./stamped-files.server";
import { fetchParsed } from "../platform/typed-query.server";

const PRIVATE = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };

const assetSchema = z.object({
  _id: z.string(),
  sha1hash: z.string().nullish(),
  path: z.string().nullish(),
  url: z.string().nullish(),
  mimeType: z.string().nullish(),
  size: z.number().nullish(),
  originalFilename: z.string().nullish(),
});

// Server only: the one place an asset's location is read, never projected into a page.
const ASSET_QUERY =
  defineQuery(`*[_type == "product" && _id == $productId][0].deliverables[_key == $fileKey][0].asset->{
  _id, sha1hash, path, url, mimeType, size, originalFilename
}`);

function page(status: number, title: string, text: string, link?: PlainPage["link"]): Response {
  return plainPage(status, { title, text, link });
}

const notFound = () =>
  page(
    404,
    "Lien introuvable",
    "Ce lien de téléchargement n'existe pas. Ouvrez la page de votre commande depuis le lien reçu par e-mail.",
  );

/** The asset's location on the lake: the configured API host (sandbox) or the asset CDN URL. */
function assetLocation(asset: z.output<typeof assetSchema>): string | null {
  const apiHost = getEnv().SANITY_API_HOST;
  if (apiHost && asset.path) return `${apiHost.replace(/\/$/, "")}/${asset.path.replace(/^\//, "")}`;
  return asset.url ?? null;
}

function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Counts the download on the order; concurrent downloads serialise on its revision. */
async function recordDownload(order: Order, lineKey: string, fileKey: string, limit: number): Promise<number | null> {
  let count: number | null = null;
  await reviseOrder(order._id, (current) => {
    const used = downloadsOf(current, lineKey, fileKey);
    if (used >= limit) {
      count = null;
      return undefined;
    }
    count = used + 1;
    const entry = { _key: newKey(), at: new Date().toISOString(), lineKey, file: fileKey, count };
    return (patch) => patch.setIfMissing({ downloads: [] }).append("downloads", [entry]);
  });
  return count;
}

/**
 * The file, streamed and counted. A HEAD request (link checkers, mail scanners open the receipt's
 * links) gets the same checks and headers, but the file is neither fetched nor counted.
 */
export async function serveDownload({
  number,
  lineKey,
  fileKey,
  token,
  headOnly = false,
}: {
  number: string;
  lineKey: string;
  fileKey: string;
  token: string | null;
  headOnly?: boolean;
}): Promise<Response> {
  const order = await getOrderForShopper(number, token);
  if (!order) return notFound();
  const info = await loadDeliveryInfo(order);
  const help = (text: string) => ({
    href: whatsappLink(info.settings?.whatsappNumber, text),
    label: "Nous écrire sur WhatsApp",
  });
  if (order.status === "refunded") {
    return page(
      403,
      "Commande remboursée",
      "Cette commande a été remboursée : ses téléchargements ne sont plus disponibles.",
      help(`Bonjour, j'ai une question sur le remboursement de ma commande ${order.number}.`),
    );
  }
  if (order.status !== "paid") {
    return page(
      403,
      "Commande non payée",
      "Le téléchargement s'ouvre dès que le paiement de cette commande est confirmé.",
      help(`Bonjour, ma commande ${order.number} n'est pas encore payée.`),
    );
  }
  const line = order.lines.find((candidate) => candidate._key === lineKey && candidate.kind === "file");
  const product = line && info.products.find((candidate) => candidate._id === line.productId);
  const file = product?.files.find((candidate) => candidate._key === fileKey);
  if (!line || !product || !file) return notFound();

  const policy = downloadPolicy(order, product, info.settings);
  const more = help(`Bonjour, j'ai besoin de nouveaux téléchargements pour ma commande ${order.number}.`);
  if (policy.expiresAt && policy.expiresAt.getTime() < Date.now()) {
    return page(
      410,
      "Lien expiré",
      "Le délai de téléchargement de cette commande est dépassé. Écrivez-nous : nous vous renvoyons votre fichier.",
      more,
    );
  }
  if (downloadsOf(order, lineKey, fileKey) >= policy.limit) {
    return page(
      403,
      "Limite de téléchargements atteinte",
      `Vous avez déjà téléchargé ce fichier ${policy.limit} fois. Écrivez-nous pour en obtenir d'autres.`,
      more,
    );
  }

  const asset = await fetchParsed(
    getSanityClient(),
    ASSET_QUERY,
    { productId: product._id, fileKey },
    assetSchema.nullable(),
  );
  const location = asset && assetLocation(asset);
  if (!asset || !location) return notFound();
  const filename = asset.originalFilename ?? file.filename ?? `${fileKey}.pdf`;
  const stamp = product.stamp && isPdf(asset) ? stampFor(order, info.settings?.shopName) : null;
  const fileHeaders = {
    ...PRIVATE,
    "Content-Disposition": contentDisposition(filename),
    "X-Content-Type-Options": "nosniff",
  };
  if (headOnly) {
    // A stamped copy's length is known once it is made: only the original's is stated.
    const headers = new Headers({ ...fileHeaders, "Content-Type": asset.mimeType ?? "application/octet-stream" });
    if (!stamp && asset.size) headers.set("Content-Length", String(asset.size));
    return new Response(null, { status: 200, headers });
  }

  const body = await fileBody(order, asset, location, stamp);
  if (!body) {
    console.error(`download ${order.number}/${fileKey}: the lake did not give the file`);
    return page(
      502,
      "Téléchargement indisponible",
      "Le fichier n'a pas pu être récupéré. Réessayez dans un instant : ce téléchargement n'a pas été décompté.",
    );
  }

  const count = await recordDownload(order, lineKey, fileKey, policy.limit);
  if (count === null) {
    await body.stream.cancel().catch(() => undefined);
    return page(
      403,
      "Limite de téléchargements atteinte",
      `Vous avez déjà téléchargé ce fichier ${policy.limit} fois. Écrivez-nous pour en obtenir d'autres.`,
      more,
    );
  }
  return new Response(body.stream, {
    status: 200,
    headers: {
      ...fileHeaders,
      "Content-Type": asset.mimeType ?? body.type ?? "application/octet-stream",
      ...(body.length !== null ? { "Content-Length": String(body.length) } : {}),
    },
  });
}

type Asset = z.output<typeof assetSchema>;

const isPdf = (asset: Asset) => asset.mimeType === "application/pdf" || /\.pdf$/i.test(asset.originalFilename ?? "");

function stampFor(order: Order, shopName: string | null | undefined): Stamp {
  return {
    name: order.customer.name,
    email: order.customer.email,
    phone: order.customer.whatsapp,
    orderNumber: order.number,
    paidAt: new Date(order.paidAt ?? order._createdAt),
    shopName: shopName ?? getEnv().SHOP_NAME,
  };
}

interface FileBody {
  stream: ReadableStream<Uint8Array>;
  length: number | null;
  type: string | null;
}

function fromCache(copy: CachedCopy): FileBody {
  return {
    stream: Readable.toWeb(createReadStream(copy.path)) as ReadableStream<Uint8Array>,
    length: copy.size,
    type: "application/pdf",
  };
}

/**
 * The bytes to send: the lake's file as it is, or its copy stamped for this order (made on the
 * first download, then kept by this instance). Null when the lake does not give the file: the
 * download is then not counted.
 */
async function fileBody(order: Order, asset: Asset, location: string, stamp: Stamp | null): Promise<FileBody | null> {
  const assetHash = asset.sha1hash ?? asset._id;
  if (stamp) {
    const cached = await findCopy(order.number, assetHash, stamp);
    if (cached) return fromCache(cached);
  }
  const upstream = await fetch(location, {
    headers: { Authorization: `Bearer ${getEnv().SANITY_API_READ_TOKEN}` },
  }).catch(() => null);
  if (!upstream?.ok || !upstream.body) {
    await upstream?.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!stamp) {
    const length = upstream.headers.get("content-length") ?? (asset.size ? String(asset.size) : null);
    return {
      stream: upstream.body,
      length: length === null ? null : Number(length),
      type: upstream.headers.get("content-type"),
    };
  }
  const original = new Uint8Array(await upstream.arrayBuffer().catch(() => new ArrayBuffer(0)));
  if (original.length === 0) return null;
  return fromCache(await storeStamped(order.number, assetHash, stamp, original));
}
