import type { QueryParams, SanityClient, SanityQueries } from "@sanity/client";
import { z } from "zod";

/**
 * The compile-time link between a GROQ query, the Studio schema and the zod parser that reads the
 * query's result. `npm run typegen` types every `defineQuery` query from the schema; a parser passed
 * here must accept every result the schema allows, and the query may not project a field the
 * schema does not have (typegen types those as `null` alone). Either drift fails `npm run typecheck`;
 * the parser still runs, because published documents are not bound to the schema at runtime.
 */

export type TypedQuery = keyof SanityQueries;

/** Paths to the fields typed `null` alone: projected by the query, unknown to the schema. */
type UnknownFields<T, Path extends string> = [T] extends [null]
  ? Path
  : T extends readonly (infer Item)[]
    ? UnknownFields<Item, `${Path}[]`>
    : T extends object
      ? { [K in keyof T & string]-?: UnknownFields<T[K], `${Path}.${K}`> }[keyof T & string]
      : never;

/** Paths to the values of type `Result` that the parser input `Input` does not accept, as deep as they can be named. */
type Rejected<Result, Input, Path extends string> = [Result] extends [Input]
  ? never
  : RejectedInside<Result, Input, Path>;
type RejectedInside<Result, Input, Path extends string> = Result extends readonly (infer Item)[]
  ? NonNullable<Input> extends readonly (infer InputItem)[]
    ? OrPath<Rejected<Item, InputItem, `${Path}[]`>, Path>
    : Path
  : Result extends object
    ? NonNullable<Input> extends object
      ? OrPath<
          {
            [K in keyof Result & string]-?: Rejected<
              Result[K],
              K extends keyof NonNullable<Input> ? NonNullable<Input>[K] : unknown,
              `${Path}.${K}`
            >;
          }[keyof Result & string],
          Path
        >
      : Path
    : Path;
type OrPath<Found, Path extends string> = [Found] extends [never] ? Path : Found;

/** Why `Parser` cannot read `Result`, a query's result as typegen types it, or `never` when it can. */
export type ResultMismatch<Result, Parser extends z.ZodType> = [UnknownFields<Result, "result">] extends [never]
  ? [Rejected<Result, z.input<Parser>, "result">] extends [never]
    ? never
    : `the parser rejects what the schema allows at ${Rejected<Result, z.input<Parser>, "result">}`
  : `not in the schema: ${UnknownFields<Result, "result">}`;

/** The parser, or a type naming the mismatch so that the call does not compile. */
export type ParserFor<Query extends TypedQuery, Parser extends z.ZodType> = [
  ResultMismatch<SanityQueries[Query], Parser>,
] extends [never]
  ? Parser
  : { mismatch: ResultMismatch<SanityQueries[Query], Parser> };

/** A list from the lake in which one malformed document is dropped (and logged), never the whole list. */
export function listOf<T extends z.ZodType>(item: T, what: string) {
  const list = z
    .array(z.unknown())
    .nullish()
    .transform((items) =>
      (items ?? []).flatMap((raw): z.output<T>[] => {
        const parsed = item.safeParse(raw);
        if (parsed.success) return [parsed.data];
        console.warn(`lake: ignoring an invalid ${what}: ${parsed.error.issues[0]?.message ?? "?"}`);
        return [];
      }),
    );
  // Typed as a list of what `item` reads, so that the schema check sees into lists; at runtime any
  // array passes and an item that does not parse is dropped.
  return list as unknown as z.ZodType<z.output<T>[], z.input<T>[] | null | undefined>;
}

/** Runs a typed query and parses its result. */
export async function fetchParsed<Query extends TypedQuery, Parser extends z.ZodType>(
  client: SanityClient,
  query: Query,
  params: QueryParams,
  parser: Parser & ParserFor<Query, Parser>,
): Promise<z.output<Parser>> {
  const schema: Parser = parser;
  return schema.parse(await client.fetch(query, params));
}

/** Paths to the fields of `Written` that `Declared` (a schema type) does not declare. */
type Undeclared<Written, Declared, Path extends string> = Written extends readonly (infer Item)[]
  ? NonNullable<Declared> extends readonly (infer DeclaredItem)[]
    ? Undeclared<Item, DeclaredItem, `${Path}[]`>
    : never
  : Written extends object
    ? NonNullable<Declared> extends object
      ? {
          [K in keyof Written & string]-?: K extends keyof NonNullable<Declared>
            ? Undeclared<Written[K], NonNullable<Declared>[K], `${Path}.${K}`>
            : `${Path}.${K}`;
        }[keyof Written & string]
      : never
    : never;

/**
 * `Written`, a shape the storefront writes itself, once every field of it is declared in the schema
 * type `Declared` (so the Studio shows and keeps it); otherwise a type naming the undeclared fields.
 */
export type DeclaredIn<Declared, Written> = [Undeclared<Written, Declared, "">] extends [never]
  ? Written
  : { undeclared: Undeclared<Written, Declared, ""> };
