import type { SanityClient } from "@sanity/client";
import { createImageUrlBuilder, type ImageUrlBuilder } from "@sanity/image-url";
import type { z } from "zod";
import { getContentCache, type ContentCache } from "../platform/content-cache.server";
import { getEnv } from "../platform/env.server";
import { getSanityClient } from "../platform/sanity.server";
import { fetchParsed, type ParserFor, type TypedQuery } from "../platform/typed-query.server";

/**
 * The storefront's reads from the content lake: one GROQ query per page, each projecting only
 * public fields (never `deliverables`), validated once when it enters the cache and prepared there
 * (image URLs, Portable Text HTML). What depends on the clock (promo prices, the promotion banner)
 * is evaluated on every request from the cached data, so it is right without a deploy or a refetch.
 */
export interface CatalogContext {
  client: SanityClient;
  cache: ContentCache;
  images: ImageUrlBuilder;
  now: Date;
}

let images: ImageUrlBuilder | undefined;

export function defaultCatalogContext(now = new Date()): CatalogContext {
  const env = getEnv();
  images ??= createImageUrlBuilder({
    projectId: env.SANITY_PROJECT_ID,
    dataset: env.SANITY_DATASET,
    baseUrl: env.SANITY_IMAGE_BASE_URL,
  });
  return { client: getSanityClient(), cache: getContentCache(), images, now };
}

export type Params = Record<string, string | number | boolean | string[] | null>;

/**
 * Runs a query through the cache: parsed (and checked against the schema, see typed-query.server.ts),
 * then prepared, once per fill. `$now` is passed to GROQ but kept out of the key: results that depend
 * on it say until when they hold.
 */
export function cachedQuery<Query extends TypedQuery, Parser extends z.ZodType, T>(
  ctx: CatalogContext,
  query: Query,
  params: Params,
  parser: Parser & ParserFor<Query, Parser>,
  prepare: (parsed: z.output<Parser>) => T,
  validUntil?: (value: T) => number | undefined,
): Promise<T> {
  const key = `${query}\n${JSON.stringify(params)}`;
  const now = ctx.now.getTime();
  const load = async () =>
    prepare(await fetchParsed(ctx.client, query, { ...params, now: ctx.now.toISOString() }, parser));
  return ctx.cache.get(key, load, { now, validUntil });
}
