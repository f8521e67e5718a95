import { PortableText, type PortableTextBlock, type PortableTextComponents } from "@portabletext/react";
import { renderToStaticMarkup } from "react-dom/server";

/**
 * Portable Text is rendered to HTML once, when content enters the cache, so the renderer never
 * ships to the browser (it would cost every shopper JavaScript for static text) and a warm page
 * does no rendering work for it.
 */
const SAFE_HREF = /^(https?:\/\/|mailto:|tel:|\/(?!\/))/i;

const components: PortableTextComponents = {
  marks: {
    link: ({ value, children }) => {
      const href = typeof value?.href === "string" && SAFE_HREF.test(value.href) ? value.href : undefined;
      if (!href) return <>{children}</>;
      const external = /^https?:\/\//i.test(href);
      return (
        <a href={href} {...(external ? { rel: "noopener noreferrer", target: "_blank" } : {})}>
          {children}
        </a>
      );
    },
  },
};

export function portableTextToHtml(blocks: PortableTextBlock[] | null | undefined): string {
  if (!blocks?.length) return "";
  return renderToStaticMarkup(<PortableText value={blocks} components={components} onMissingComponent={false} />);
}

interface TextBlock {
  _type?: string;
  style?: string;
  listItem?: string;
  children?: { text?: string; marks?: string[] }[];
  markDefs?: { _key: string; _type?: string; href?: string }[];
}

/**
 * The same rich text for an e-mail's text part: one line per block, lists numbered or bulleted,
 * a link's address after its words (a text e-mail has no links).
 */
export function portableTextToPlainText(blocks: PortableTextBlock[] | null | undefined): string {
  let number = 0;
  return ((blocks ?? []) as TextBlock[])
    .filter((block) => block._type === "block")
    .map((block) => {
      const text = (block.children ?? [])
        .map((span) => {
          const link = block.markDefs?.find((def) => def._type === "link" && span.marks?.includes(def._key));
          const href = typeof link?.href === "string" && SAFE_HREF.test(link.href) ? link.href : undefined;
          return href && href !== span.text ? `${span.text ?? ""} (${href})` : (span.text ?? "");
        })
        .join("");
      number = block.listItem === "number" ? number + 1 : 0;
      if (block.listItem === "number") return `${number}. ${text}`;
      if (block.listItem === "bullet") return `- ${text}`;
      return text;
    })
    .join("\n");
}
