import {
  PDFCrossRefSection,
  PDFDocument,
  PDFNumber,
  PDFRawStream,
  PDFTrailer,
  PDFTrailerDict,
  StandardFonts,
  rgb,
  type PDFObject,
  type PDFRef,
} from "pdf-lib";

/**
 * Stamps a PDF with who bought it (docs/decisions/018-stamped-pdfs.md): a discreet line at the
 * foot of every page and the order in the document's metadata. Deterministic: the same input and
 * the same stamp give the same bytes on every instance (dates come from the order, never the
 * clock), so a per-instance cache can always be rebuilt.
 */
export interface Stamp {
  name: string;
  email: string;
  phone: string;
  orderNumber: string;
  /** The order's payment date: printed, and the document's modification date. */
  paidAt: Date;
  shopName: string;
}

/** The stamp's layout version: part of the cache key, so a new layout never serves old copies. */
export const STAMP_VERSION = "1";

const dateFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "UTC",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

/** "+237 6•••••01": country code and the last two digits, enough for the buyer to recognise it. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, "");
  if (digits.length <= 4) return "•".repeat(digits.length);
  const country = /^\+\d{3}/.exec(digits)?.[0] ?? "";
  const rest = digits.slice(country.length);
  return `${country}${country ? " " : ""}${rest.slice(0, 1)}${"•".repeat(Math.max(rest.length - 3, 1))}${rest.slice(-2)}`;
}

/** "a•••@example.com": the first letter and the domain. */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}

export function stampLine(stamp: Stamp): string {
  return [
    `Exemplaire de ${stamp.name}`,
    maskPhone(stamp.phone),
    maskEmail(stamp.email),
    `commande ${stamp.orderNumber} du ${dateFormat.format(stamp.paidAt)}`,
    `${stamp.shopName} : merci de ne pas le partager`,
  ].join(" · ");
}

export class UnstampablePdf extends Error {}

/**
 * The stamped copy. Throws `UnstampablePdf` for a file pdf-lib cannot rewrite (encrypted,
 * broken): the caller serves the original.
 */
export async function stampPdf(original: Uint8Array, stamp: Stamp): Promise<Uint8Array> {
  let document: PDFDocument;
  try {
    // updateMetadata: false keeps pdf-lib from writing the clock into the file.
    document = await PDFDocument.load(original, { updateMetadata: false });
  } catch (error) {
    throw new UnstampablePdf((error as Error).message);
  }
  const originalLargestObject = document.context.largestObjectNumber;
  try {
    const font = await document.embedFont(StandardFonts.Helvetica);
    // The standard font speaks WinAnsi only: a name in another script keeps what it can.
    const supported = new Set(font.getCharacterSet());
    const text = [...stampLine(stamp)].map((char) => (supported.has(char.codePointAt(0)!) ? char : "?")).join("");
    const size = 6;
    for (const page of document.getPages()) {
      const { x, y, width } = page.getCropBox();
      const fitted = Math.min(size, (size * (width - 24)) / font.widthOfTextAtSize(text, size));
      page.drawText(text, { x: x + 12, y: y + 8, size: fitted, font, color: rgb(0.45, 0.45, 0.45), opacity: 0.8 });
    }
    document.setSubject(`Commande ${stamp.orderNumber} — ${stamp.name}`);
    document.setKeywords([`commande:${stamp.orderNumber}`, `acheteur:${stamp.name}`]);
    document.setModificationDate(stamp.paidAt);
    document.setProducer(stamp.shopName);
    return await appendUpdate(original, document, originalLargestObject);
  } catch (error) {
    throw new UnstampablePdf((error as Error).message);
  }
}

/**
 * Writes the changes as an incremental update (PDF 1.7, 7.5.6): the original bytes untouched,
 * followed by the rewritten objects and a cross-reference section pointing back to the original
 * one. Rewriting a 20 MB book whole costs most of a second in pdf-lib's writer; streams it loaded
 * (page images, fonts, content) never change when a line is drawn on top, so they are not copied.
 */
async function appendUpdate(
  original: Uint8Array,
  document: PDFDocument,
  originalLargestObject: number,
): Promise<Uint8Array> {
  const previous = previousCrossReference(original);
  if (previous === undefined) return document.save({ updateFieldAppearances: false });
  await document.flush();
  const context = document.context;
  const changed = context
    .enumerateIndirectObjects()
    .filter(([ref, object]) => ref.objectNumber > originalLargestObject || !(object instanceof PDFRawStream));
  const encoder = new TextEncoder();
  const header = (ref: PDFRef) => encoder.encode(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
  const footer = encoder.encode("\nendobj\n");
  const separator = original.at(-1) === 0x0a ? 0 : 1;
  const sizes = changed.map(
    ([ref, object]) => header(ref).length + (object as PDFObject).sizeInBytes() + footer.length,
  );
  const xref = PDFCrossRefSection.createEmpty();
  let offset = original.length + separator;
  changed.forEach(([ref], index) => {
    xref.addEntry(ref, offset);
    offset += sizes[index]!;
  });
  const xrefOffset = offset;
  const trailerDict = PDFTrailerDict.of(
    context.obj({
      Size: context.largestObjectNumber + 1,
      Root: context.trailerInfo.Root,
      Info: context.trailerInfo.Info,
      ID: context.trailerInfo.ID,
      Prev: PDFNumber.of(previous),
    }),
  );
  const trailer = PDFTrailer.forLastCrossRefSectionOffset(xrefOffset);
  const total = xrefOffset + xref.sizeInBytes() + 1 + trailerDict.sizeInBytes() + 1 + trailer.sizeInBytes();
  const out = new Uint8Array(total);
  out.set(original, 0);
  let at = original.length;
  if (separator) out[at++] = 0x0a;
  changed.forEach(([ref, object]) => {
    const head = header(ref);
    out.set(head, at);
    at += head.length;
    at += (object as PDFObject).copyBytesInto(out, at);
    out.set(footer, at);
    at += footer.length;
  });
  at += xref.copyBytesInto(out, at);
  out[at++] = 0x0a;
  at += trailerDict.copyBytesInto(out, at);
  out[at++] = 0x0a;
  trailer.copyBytesInto(out, at);
  return out;
}

/** The offset after the file's last `startxref`, or undefined when the file has none to chain to. */
function previousCrossReference(bytes: Uint8Array): number | undefined {
  const tail = new TextDecoder("latin1").decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const offset = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(offset) && offset < bytes.length ? offset : undefined;
}
