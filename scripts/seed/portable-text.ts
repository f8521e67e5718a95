import { createHash } from "node:crypto";

/** Rich text written compactly in the seed sources; inline `**gras**`, `*italique*` and `[texte](url)`. */
export type RichText = Array<["p" | "h2" | "h3" | "quote", string] | ["ul" | "ol", string[]]>;

type Span = { _type: "span"; _key: string; text: string; marks: string[] };
type LinkDef = { _type: "link"; _key: string; href: string };
export type Block = {
  _type: "block";
  _key: string;
  style: string;
  markDefs: LinkDef[];
  children: Span[];
  listItem?: "bullet" | "number";
  level?: number;
};

/** Keys derived from the document id and a counter, so every run writes the same _key values. */
export function keyMaker(namespace: string): () => string {
  let counter = 0;
  return () => shortHash(`${namespace}#${counter++}`);
}

export function shortHash(input: string): string {
  return createHash("sha1").update(input).digest("hex").slice(0, 12);
}

const NBSP = "\u00a0";

/** French typography: a no-break space before two-part punctuation and inside guillemets. */
export function fr(text: string): string {
  return text.replace(/ ([:;!?»])/g, `${NBSP}$1`).replace(/« /g, `«${NBSP}`);
}

const INLINE = /(\*\*[^*]+\*\*|\*[^*]+\*|\[[^\]]+\]\([^)\s]+\))/;

function inlineToSpans(text: string, nextKey: () => string, markDefs: LinkDef[]): Span[] {
  const spans: Span[] = [];
  for (const part of fr(text).split(INLINE)) {
    if (!part) continue;
    if (part.startsWith("**")) {
      spans.push({ _type: "span", _key: nextKey(), text: part.slice(2, -2), marks: ["strong"] });
    } else if (part.startsWith("*")) {
      spans.push({ _type: "span", _key: nextKey(), text: part.slice(1, -1), marks: ["em"] });
    } else if (part.startsWith("[")) {
      const match = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
      if (!match) throw new Error(`Malformed link in seed text: ${part}`);
      const link: LinkDef = { _type: "link", _key: nextKey(), href: match[2]! };
      markDefs.push(link);
      spans.push({ _type: "span", _key: nextKey(), text: match[1]!, marks: [link._key] });
    } else {
      spans.push({ _type: "span", _key: nextKey(), text: part, marks: [] });
    }
  }
  return spans;
}

function block(text: string, style: string, nextKey: () => string, listItem?: "bullet" | "number"): Block {
  const _key = nextKey();
  const markDefs: LinkDef[] = [];
  const children = inlineToSpans(text, nextKey, markDefs);
  return {
    _type: "block",
    _key,
    style,
    markDefs,
    children,
    ...(listItem ? { listItem, level: 1 } : {}),
  };
}

export function toPortableText(rich: RichText, nextKey: () => string): Block[] {
  const blocks: Block[] = [];
  for (const [kind, content] of rich) {
    if (kind === "ul" || kind === "ol") {
      for (const item of content as string[]) {
        blocks.push(block(item, "normal", nextKey, kind === "ul" ? "bullet" : "number"));
      }
    } else {
      blocks.push(block(content as string, kind === "quote" ? "blockquote" : kind === "p" ? "normal" : kind, nextKey));
    }
  }
  return blocks;
}

/** Plain text of a rich text, for PDFs and checks. */
export function plainText(rich: RichText): string[] {
  return rich.flatMap(([, content]) =>
    (Array.isArray(content) ? content : [content]).map((text) =>
      fr(text)
        .replace(/\*\*([^*]+)\*\*/g, "$1")
        .replace(/\*([^*]+)\*/g, "$1")
        .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1"),
    ),
  );
}
