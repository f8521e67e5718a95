import { PDFDocument, type PDFFont, rgb, StandardFonts } from "pdf-lib";
import type { DeliverableSeed } from "./catalog-types";
import { fr } from "./portable-text";

// Fixed so that the same seed produces byte-identical PDFs on every run.
const FIXED_DATE = new Date("2026-11-23T00:00:00.000Z");

const INDIGO = rgb(0x5d / 255, 0x5c / 255, 0xde / 255);
const GOLD = rgb(0xf3 / 255, 0xc3 / 255, 0x4d / 255);
const INK = rgb(0.15, 0.14, 0.3);
const GREY = rgb(0.4, 0.4, 0.45);

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 64;

/** Standard PDF fonts only encode WinAnsi: map the few typographic characters they lack. */
function winAnsi(text: string): string {
  return text.replace(/[\u202f\u2009]/g, "\u00a0").replace(/[→]/g, "->");
}

function wrapLines(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of winAnsi(fr(text)).split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) > width && line) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Sample paragraphs for each chapter: demo content that reads like the real thing. */
function chapterParagraphs(productTitle: string, chapter: string, index: number): string[] {
  const openers = [
    `Ce chapitre, « ${chapter} », pose les bases indispensables avant de passer à l'action. Prenez le temps de le lire en entier : les chapitres suivants s'appuient sur ces notions.`,
    `Dans « ${chapter} », nous passons à la pratique. Chaque étape est illustrée par un exemple tiré du quotidien d'entrepreneurs de Douala, Abidjan, Dakar ou Kinshasa.`,
    `« ${chapter} » répond aux questions que nos acheteurs nous posent le plus souvent sur WhatsApp. Vous y trouverez des réponses simples et directement applicables.`,
  ];
  const middles = [
    "Commencez petit : mieux vaut une action simple faite aujourd'hui qu'un plan parfait jamais lancé. Notez vos résultats chaque semaine dans un cahier ou un tableau, ils vous montreront ce qui fonctionne vraiment.",
    "Gardez en tête votre client : ce qu'il veut, ce qu'il craint, comment il paie. Un message clair, un prix juste et une réponse rapide valent mieux que tous les discours.",
    "Ne cherchez pas à tout appliquer d'un coup. Choisissez deux idées de ce chapitre, mettez-les en œuvre pendant sept jours, puis revenez lire la suite.",
  ];
  const exercise = `Exercice : en dix minutes, écrivez trois actions concrètes que vous allez mener cette semaine grâce à ce chapitre de « ${productTitle} ».`;
  return [
    openers[index % openers.length]!,
    middles[index % middles.length]!,
    middles[(index + 1) % middles.length]!,
    "À retenir : avancez pas à pas, mesurez vos résultats et n'hésitez pas à écrire à notre équipe sur WhatsApp si un point vous bloque.",
    exercise,
  ];
}

export async function renderDeliverablePdf(opts: {
  productTitle: string;
  categoryTitle: string;
  file: DeliverableSeed;
}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(winAnsi(opts.file.title));
  doc.setAuthor("ASHTECH STORE");
  doc.setSubject(winAnsi(opts.productTitle));
  doc.setCreator("ASHTECH STORE");
  doc.setProducer("ASHTECH STORE");
  doc.setLanguage("fr-FR");
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);

  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const textWidth = A4.width - 2 * MARGIN;

  const footer = (page: ReturnType<typeof doc.addPage>, number: number) => {
    page.drawText(winAnsi(`ASHTECH STORE · ${opts.file.title}`), {
      x: MARGIN,
      y: 36,
      size: 8,
      font: regular,
      color: GREY,
    });
    page.drawText(String(number), { x: A4.width - MARGIN - 10, y: 36, size: 8, font: regular, color: GREY });
  };

  // Cover page.
  const cover = doc.addPage([A4.width, A4.height]);
  cover.drawRectangle({ x: 0, y: A4.height - 300, width: A4.width, height: 300, color: INDIGO });
  cover.drawRectangle({ x: MARGIN, y: A4.height - 330, width: 80, height: 8, color: GOLD });
  cover.drawText("ASHTECH STORE", { x: MARGIN, y: A4.height - 90, size: 14, font: bold, color: rgb(1, 1, 1) });
  cover.drawText(winAnsi(opts.categoryTitle.toUpperCase()), {
    x: MARGIN,
    y: A4.height - 120,
    size: 10,
    font: regular,
    color: GOLD,
  });
  let y = A4.height - 190;
  for (const line of wrapLines(opts.file.title, bold, 26, textWidth)) {
    cover.drawText(line, { x: MARGIN, y, size: 26, font: bold, color: rgb(1, 1, 1) });
    y -= 32;
  }
  y = A4.height - 380;
  for (const line of wrapLines(
    `Merci pour votre confiance ! Ce document accompagne « ${opts.productTitle} ». Il est réservé à votre usage personnel : merci de ne pas le partager publiquement.`,
    regular,
    12,
    textWidth,
  )) {
    cover.drawText(line, { x: MARGIN, y, size: 12, font: regular, color: INK });
    y -= 18;
  }
  cover.drawText("Document de démonstration de la boutique ASHTECH STORE.", {
    x: MARGIN,
    y: 80,
    size: 9,
    font: regular,
    color: GREY,
  });

  // Table of contents: chapters start on page 3.
  const toc = doc.addPage([A4.width, A4.height]);
  toc.drawText("Sommaire", { x: MARGIN, y: A4.height - 100, size: 24, font: bold, color: INDIGO });
  y = A4.height - 150;
  opts.file.chapters.forEach((chapter, i) => {
    const label = winAnsi(`${i + 1}. ${chapter}`);
    toc.drawText(label, { x: MARGIN, y, size: 13, font: regular, color: INK });
    const pageLabel = String(i + 3);
    toc.drawText(pageLabel, {
      x: A4.width - MARGIN - regular.widthOfTextAtSize(pageLabel, 13),
      y,
      size: 13,
      font: regular,
      color: INK,
    });
    y -= 26;
  });
  footer(toc, 2);

  opts.file.chapters.forEach((chapter, i) => {
    const page = doc.addPage([A4.width, A4.height]);
    page.drawText(`Chapitre ${i + 1}`, { x: MARGIN, y: A4.height - 90, size: 11, font: bold, color: GOLD });
    let cursor = A4.height - 124;
    for (const line of wrapLines(chapter, bold, 20, textWidth)) {
      page.drawText(line, { x: MARGIN, y: cursor, size: 20, font: bold, color: INDIGO });
      cursor -= 26;
    }
    cursor -= 14;
    for (const paragraph of chapterParagraphs(opts.productTitle, chapter, i)) {
      for (const line of wrapLines(paragraph, regular, 11.5, textWidth)) {
        page.drawText(line, { x: MARGIN, y: cursor, size: 11.5, font: regular, color: INK });
        cursor -= 17;
      }
      cursor -= 12;
    }
    footer(page, i + 3);
  });

  return doc.save();
}
