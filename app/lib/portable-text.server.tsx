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
