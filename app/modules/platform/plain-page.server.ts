import { escapeHtml } from "./mail.server";

/**
 * A small French page with no script and no layout, for answers given outside the Remix tree: a
 * download that cannot be served, or a request refused before it reaches a route (too large, a
 * method the shop does not take). Private and never indexed, like everything it answers.
 */
export interface PlainPage {
  title: string;
  text: string;
  link?: { href: string; label: string };
}

export const PLAIN_PAGE_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex",
  "Content-Type": "text/html; charset=utf-8",
};

export function plainPageHtml({ title, text, link }: PlainPage): string {
  const action = link
    ? `<p><a href="${escapeHtml(link.href)}" style="display:inline-block;background:#25D366;color:#073b1f;padding:12px 18px;border-radius:12px;font-weight:bold;text-decoration:none" rel="noopener noreferrer">${escapeHtml(link.label)}</a></p>`
    : "";
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)} | ASHTECH STORE</title></head>
<body style="font-family:system-ui,sans-serif;max-width:560px;margin:auto;padding:24px;color:#0f172a">
<h1 style="font-size:22px;color:#5D5CDE">${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${action}
<p><a href="/" style="color:#5D5CDE">Retour à la boutique</a></p></body></html>`;
}

export function plainPage(status: number, page: PlainPage, headers: HeadersInit = {}): Response {
  return new Response(plainPageHtml(page), { status, headers: { ...PLAIN_PAGE_HEADERS, ...headers } });
}
