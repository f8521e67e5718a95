import sharp from "sharp";
import type { CategorySlug } from "./catalog-types";
import { fr, shortHash } from "./portable-text";

type Palette = { from: string; to: string; text: string; accent: string; soft: string };

// One palette per category, all built from the brand indigo #5D5CDE, purple #814DBA and gold #F3C34D,
// so a product's category reads at a glance in a grid.
const PALETTES: Record<CategorySlug, Palette> = {
  formations: { from: "#5D5CDE", to: "#814DBA", text: "#FFFFFF", accent: "#F3C34D", soft: "#FFFFFF" },
  "intelligence-artificielle": { from: "#26245E", to: "#5D5CDE", text: "#FFFFFF", accent: "#F3C34D", soft: "#A5A4F0" },
  "abonnements-premium": { from: "#F3C34D", to: "#E39B2F", text: "#26245E", accent: "#5D5CDE", soft: "#FFFFFF" },
  "e-books-et-guides": { from: "#F4F3FF", to: "#DCDAF8", text: "#26245E", accent: "#5D5CDE", soft: "#814DBA" },
  "logiciels-et-applications": { from: "#15143A", to: "#3C3B9E", text: "#FFFFFF", accent: "#F3C34D", soft: "#5D5CDE" },
};

/** Category pictograms drawn in a 240×240 box, so covers need no emoji font. */
function icon(category: CategorySlug, p: Palette): string {
  switch (category) {
    case "formations":
      return `<polygon points="120,40 232,92 120,144 8,92" fill="${p.accent}"/>
        <path d="M52,116 v52 q68,44 136,0 v-52 l-68,32 z" fill="${p.text}" fill-opacity="0.9"/>
        <path d="M212,100 v64" stroke="${p.accent}" stroke-width="8" stroke-linecap="round"/>
        <circle cx="212" cy="172" r="12" fill="${p.accent}"/>`;
    case "intelligence-artificielle": {
      const pins = [70, 105, 140, 175]
        .map((v) => `<path d="M${v},26 v22 M${v},192 v22 M26,${v} h22 M192,${v} h22"/>`)
        .join("");
      return `<g stroke="${p.accent}" stroke-width="10" stroke-linecap="round">${pins}</g>
        <rect x="48" y="48" width="144" height="144" rx="22" fill="${p.text}" fill-opacity="0.12" stroke="${p.text}" stroke-width="8"/>
        <text x="120" y="146" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="70" fill="${p.accent}">IA</text>`;
    }
    case "abonnements-premium":
      return `<polygon points="20,196 20,70 76,124 120,36 164,124 220,70 220,196" fill="${p.accent}"/>
        <rect x="20" y="204" width="200" height="22" rx="6" fill="${p.accent}"/>
        <circle cx="120" cy="150" r="18" fill="${p.soft}"/>
        <circle cx="64" cy="162" r="11" fill="${p.soft}"/>
        <circle cx="176" cy="162" r="11" fill="${p.soft}"/>`;
    case "e-books-et-guides":
      return `<path d="M120,64 C88,40 44,38 12,48 V204 C44,194 88,196 120,220 Z" fill="${p.accent}"/>
        <path d="M120,64 C152,40 196,38 228,48 V204 C196,194 152,196 120,220 Z" fill="${p.soft}"/>
        <g stroke="#FFFFFF" stroke-width="7" stroke-linecap="round" stroke-opacity="0.85">
          <path d="M36,88 h60 M36,116 h60 M36,144 h60 M144,88 h60 M144,116 h60 M144,144 h44"/>
        </g>`;
    case "logiciels-et-applications":
      return `<rect x="10" y="30" width="220" height="180" rx="18" fill="${p.text}" fill-opacity="0.1" stroke="${p.text}" stroke-width="8"/>
        <path d="M10,74 h220" stroke="${p.text}" stroke-width="8"/>
        <circle cx="40" cy="52" r="8" fill="${p.accent}"/><circle cx="66" cy="52" r="8" fill="${p.text}"/><circle cx="92" cy="52" r="8" fill="${p.text}"/>
        <text x="120" y="168" text-anchor="middle" font-family="DejaVu Sans Mono, monospace" font-weight="bold" font-size="64" fill="${p.accent}">&lt;/&gt;</text>`;
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Greedy word wrap with an average glyph width: librsvg cannot wrap text itself. No-break spaces hold. */
function wrap(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of fr(text).split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length > maxChars && line) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Largest size that fits, then the narrowest wrap with the same line count, so lines come out balanced. */
function fitTitle(title: string, width: number, maxLines: number): { size: number; lines: string[] } {
  for (const size of [88, 80, 72, 64, 58, 52, 48]) {
    let maxChars = Math.floor(width / (size * 0.62));
    const lineCount = wrap(title, maxChars).length;
    if (lineCount > maxLines && size > 48) continue;
    while (maxChars > 8 && wrap(title, maxChars - 1).length === lineCount) maxChars -= 1;
    return { size, lines: wrap(title, maxChars) };
  }
  throw new Error("unreachable: the smallest size always returns");
}

/** Soft background discs placed from a hash of the seed string: varied per product, identical every run. */
function discs(seed: string, p: Palette, width: number, height: number): string {
  const hash = shortHash(seed);
  return [0, 1, 2]
    .map((i) => {
      const n = parseInt(hash.slice(i * 4, i * 4 + 4), 16);
      const cx = ((n % 1000) / 1000) * width;
      const cy = (((n >> 3) % 1000) / 1000) * height;
      const r = 120 + (n % 260);
      return `<circle cx="${cx.toFixed(0)}" cy="${cy.toFixed(0)}" r="${r}" fill="${p.soft}" fill-opacity="${(0.06 + i * 0.03).toFixed(2)}"/>`;
    })
    .join("");
}

const FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif";

export function coverSvg(opts: { title: string; category: CategorySlug; categoryTitle: string; seed: string }): string {
  const W = 1200;
  const H = 900;
  const p = PALETTES[opts.category];
  const { size, lines } = fitTitle(opts.title, 1040, 4);
  const lineHeight = Math.round(size * 1.16);
  const titleTop = 420;
  const titleText = lines
    .map(
      (line, i) =>
        `<text x="80" y="${titleTop + i * lineHeight}" font-family="${FONT}" font-weight="bold" font-size="${size}" fill="${p.text}">${escapeXml(line)}</text>`,
    )
    .join("");
  const pillWidth = Math.round(opts.categoryTitle.length * 20 + 56);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${p.from}"/><stop offset="1" stop-color="${p.to}"/></linearGradient></defs>
  <rect width="${W}" height="${H}" fill="url(#bg)"/>
  ${discs(opts.seed, p, W, H)}
  <rect x="80" y="80" width="${pillWidth}" height="56" rx="28" fill="${p.text}" fill-opacity="0.14"/>
  <text x="${80 + 28}" y="118" font-family="${FONT}" font-weight="bold" font-size="28" fill="${p.text}">${escapeXml(opts.categoryTitle.toUpperCase())}</text>
  <g transform="translate(880,70)">${icon(opts.category, p)}</g>
  <rect x="80" y="${titleTop - size - 40}" width="120" height="12" rx="6" fill="${p.accent}"/>
  ${titleText}
  <text x="80" y="836" font-family="${FONT}" font-weight="bold" font-size="30" letter-spacing="4" fill="${p.text}" fill-opacity="0.85">ASHTECH STORE</text>
</svg>`;
}

export function bannerSvg(opts: { headline: string; subline: string; seed: string }): string {
  const W = 1600;
  const H = 600;
  const p = PALETTES.formations;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#26245E"/><stop offset="0.55" stop-color="${p.from}"/><stop offset="1" stop-color="${p.to}"/></linearGradient></defs>
  <rect width="${W}" height="${H}" fill="url(#bg)"/>
  ${discs(opts.seed, p, W, H)}
  <text x="100" y="270" font-family="${FONT}" font-weight="bold" font-size="88" fill="#FFFFFF">${escapeXml(opts.headline)}</text>
  <text x="100" y="370" font-family="${FONT}" font-weight="bold" font-size="52" fill="${p.accent}">${escapeXml(opts.subline)}</text>
  <text x="100" y="500" font-family="${FONT}" font-weight="bold" font-size="30" letter-spacing="4" fill="#FFFFFF" fill-opacity="0.85">ASHTECH STORE</text>
  <circle cx="1390" cy="300" r="150" fill="${p.accent}"/>
  <text x="1390" y="330" text-anchor="middle" font-family="${FONT}" font-weight="bold" font-size="84" fill="#26245E">-25\u00a0%</text>
</svg>`;
}

/** JPEG at quality 70 through mozjpeg: about 30–50 KB for a 1200×900 cover. */
export async function renderJpeg(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).jpeg({ quality: 70, mozjpeg: true }).toBuffer();
}
