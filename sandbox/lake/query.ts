import { evaluate, evaluateSync, GroqSyntaxError, parse, toJS, type ExprNode } from "groq-js";
import { LRUCache } from "lru-cache";
import { apiError, queryParseError } from "./errors";
import type { View } from "./perspectives";

interface CompiledQuery {
  tree: ExprNode;
  parameters: string[];
  /** Parameters injected by `indexByType`, each standing for the documents of one `_type`. */
  typeSources: Map<string, TypeSource>;
}

/** The type a `*[_type == …]` names: a literal, or a parameter read at evaluation. */
type TypeSource = { literal: string } | { parameter: string };

// Parsed without params so one tree serves every call; repeated storefront queries skip the parser.
const compiled = new LRUCache<string, CompiledQuery>({ max: 500 });

export interface QueryContext {
  projectId: string;
  dataset: string;
  /** Evaluation time for now() and dateTime comparisons. */
  timestamp?: Date;
}

export async function runQuery(
  view: View,
  query: string,
  params: Record<string, unknown>,
  context: QueryContext,
): Promise<unknown> {
  const { tree, parameters, typeSources } = compile(query, params);
  const missing = parameters.find((name) => !Object.hasOwn(params, name));
  if (missing !== undefined) {
    const start = Math.max(query.indexOf(`$${missing}`), 0);
    throw queryParseError(`param $${missing} referenced, but not provided`, query, start, start + missing.length + 1);
  }
  const options = {
    dataset: view.documents,
    params: withTypeSources(view, typeSources, params),
    timestamp: context.timestamp ?? new Date(),
    sanity: { projectId: context.projectId, dataset: context.dataset },
    dereference: ({ _ref }: { _ref: string }) => view.byId.get(_ref) ?? null,
  };
  try {
    return toJS(evaluateSync(tree, options));
  } catch (error) {
    if (!isSyncUnsupported(error)) throw evaluationError(error);
  }
  try {
    return await (await evaluate(tree, options)).get();
  } catch (error) {
    throw evaluationError(error);
  }
}

function compile(query: string, params: Record<string, unknown>): CompiledQuery {
  let entry = compiled.get(query);
  if (entry) return entry;
  let tree: ExprNode;
  try {
    tree = parse(query);
  } catch (error) {
    // groq-js needs slice bounds at parse time; the hosted lake accepts `[0...$limit]` (the Studio's
    // lists send it), so such a query is parsed with its params, uncached.
    if (error instanceof Error && /slicing must use constant numbers/.test(error.message)) {
      try {
        const tree = parse(query, { params });
        return { ...indexByType(query.includes("text::query") ? withTextQuery(tree) : tree), parameters: [] };
      } catch (withParams) {
        throw parseError(withParams, query);
      }
    }
    throw parseError(error, query);
  }
  if (query.includes("text::query")) tree = withTextQuery(tree);
  entry = { ...indexByType(tree), parameters: [...collectParameters(tree, new Set())] };
  compiled.set(query, entry);
  return entry;
}

// ---------------------------------------------------------------------------------------------
// The type index. Without it every `*[...]` scans the whole dataset, orders included, and a query
// with per-card subqueries (`count(*[_type == "review" && ^._id == product._ref])`) costs
// cards × documents: with ~1,400 orders, uncached catalogue searches took seconds. A filter over
// `*` whose condition requires `_type == T` (a conjunct of its top-level `&&` chain) keeps exactly
// the documents of type T, in dataset order; so its `*` is replaced by a parameter bound at
// evaluation to those documents, and the filter still runs in full over them: the result is the
// same, only the documents that could never match are not visited. Anything else sees everything.

const TYPE_SOURCE_PREFIX = "\u0000type:";

function indexByType(tree: ExprNode): { tree: ExprNode; typeSources: Map<string, TypeSource> } {
  const typeSources = new Map<string, TypeSource>();
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node === null || typeof node !== "object") return node;
    const record = node as Record<string, unknown>;
    if (record.type === "Value") return node;
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(record)) copy[key] = rewrite(child);
    if (record.type === "Filter" && (record.base as { type?: string } | undefined)?.type === "Everything") {
      const source = requiredType(record.expr);
      if (source) {
        const name = `${TYPE_SOURCE_PREFIX}${JSON.stringify(source)}`;
        typeSources.set(name, source);
        copy.base = { type: "Parameter", name };
      }
    }
    return copy;
  };
  return { tree: rewrite(tree) as ExprNode, typeSources };
}

function requiredType(expr: unknown): TypeSource | undefined {
  const node = expr as Record<string, unknown> | undefined;
  if (!node) return undefined;
  if (node.type === "And") return requiredType(node.left) ?? requiredType(node.right);
  if (node.type !== "OpCall" || node.op !== "==") return undefined;
  const [left, right] = [node.left, node.right] as Array<Record<string, unknown>>;
  const typeOf = (side: Record<string, unknown>): TypeSource | undefined =>
    side.type === "Value" && typeof side.value === "string"
      ? { literal: side.value }
      : side.type === "Parameter" && typeof side.name === "string"
        ? { parameter: side.name }
        : undefined;
  if (isTypeAttribute(left)) return typeOf(right!);
  if (isTypeAttribute(right)) return typeOf(left!);
  return undefined;
}

function isTypeAttribute(node: Record<string, unknown> | undefined): boolean {
  if (node?.type !== "AccessAttribute" || node.name !== "_type") return false;
  const base = node.base as { type?: string } | undefined;
  return base === undefined || base.type === "This";
}

function withTypeSources(view: View, typeSources: Map<string, TypeSource>, params: Record<string, unknown>) {
  if (typeSources.size === 0) return params;
  const bound: Record<string, unknown> = { ...params };
  for (const [name, source] of typeSources) {
    const type = "literal" in source ? source.literal : params[source.parameter];
    // A non-string parameter never equals a `_type`: the filter over every document finds that itself.
    bound[name] = typeof type === "string" ? view.ofType(type) : view.documents;
  }
  return bound;
}

/**
 * `x match text::query($q)` (the Studio's list and global search since Sanity 6, strategy
 * "groq2024") is the hosted lake's full-text search; groq-js parses it but throws when it runs.
 * The sandbox answers it as `x match $q`: the same tokens and prefix wildcards, over the strings
 * `x` names (`_id`, and each weighted field the Studio boosts, such as `title`), without the
 * hosted index's stemming or its reach into every string of `@`.
 */
function withTextQuery<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withTextQuery) as T;
  if (node === null || typeof node !== "object") return node;
  const record = node as Record<string, unknown>;
  if (record.type === "Value") return node;
  const right = record.right as { type?: string; namespace?: string; name?: string; args?: unknown[] } | undefined;
  if (
    record.type === "OpCall" &&
    record.op === "match" &&
    right?.type === "FuncCall" &&
    right.namespace === "text" &&
    right.name === "query"
  ) {
    return { ...record, left: withTextQuery(record.left), right: withTextQuery(right.args?.[0]) } as T;
  }
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, key === "func" ? value : withTextQuery(value)]),
  ) as T;
}

function collectParameters(node: unknown, names: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const child of node) collectParameters(child, names);
  } else if (node !== null && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if (record.type === "Parameter" && typeof record.name === "string") names.add(record.name);
    // A "Value" node holds literal data, never sub-expressions.
    if (record.type !== "Value") for (const child of Object.values(record)) collectParameters(child, names);
  }
  return names;
}

function parseError(error: unknown, query: string) {
  if (error instanceof GroqSyntaxError) {
    const description = error.message.replace(/^Syntax error in GROQ query at position \d+: /, "");
    const start = Math.min(error.position, query.length);
    return queryParseError(description, query, start, Math.min(start + 1, query.length));
  }
  // Semantic errors found while parsing (unknown function, wrong arity) are parse errors for the API too.
  const description = error instanceof Error ? error.message : String(error);
  const name = /function:?\s+([\w:]+)/i.exec(description)?.[1];
  const at = name ? query.indexOf(name) : -1;
  return at >= 0
    ? queryParseError(description, query, at, at + name!.length)
    : queryParseError(description, query, 0, query.length);
}

function isSyncUnsupported(error: unknown): boolean {
  return error instanceof Error && /not supported|synchronous mode/.test(error.message);
}

function evaluationError(error: unknown) {
  return apiError(400, "queryError", error instanceof Error ? error.message : String(error));
}
