import { PDFDocument, StandardFonts } from "pdf-lib";

/**
 * Reads a PDF the way a buyer's viewer does: Mozilla's pdf.js (Firefox's reader), independent of
 * pdf-lib which writes the stamp, so an update pdf.js cannot follow fails the test.
 */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: string[]; subject: string; keywords: string }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join("\n"));
  }
  const { info } = (await document.getMetadata()) as { info: { Subject?: string; Keywords?: string } };
  await document.destroy();
  return { pages, subject: info.Subject ?? "", keywords: info.Keywords ?? "" };
}

/**
 * A deterministic PDF of `pages` pages, each with a line of text and an incompressible grey image
 * of about `bytesPerPage` bytes (like a scanned book): the same bytes on every run.
 */
export async function makePdf(pages: number, bytesPerPage = 1_000): Promise<Uint8Array> {
  const { concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } = await import("pdf-lib");
  const document = await PDFDocument.create({ updateMetadata: false });
  const font = await document.embedFont(StandardFonts.Helvetica);
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    return seed >>> 24;
  };
  const side = Math.max(1, Math.floor(Math.sqrt(bytesPerPage)));
  for (let index = 0; index < pages; index++) {
    const page = document.addPage([595, 842]);
    const pixels = new Uint8Array(side * side);
    for (let pixel = 0; pixel < pixels.length; pixel++) pixels[pixel] = next();
    const image = document.context.register(
      document.context.stream(pixels, {
        Type: "XObject",
        Subtype: "Image",
        Width: side,
        Height: side,
        ColorSpace: "DeviceGray",
        BitsPerComponent: 8,
      }),
    );
    const name = page.node.newXObject("Im", image);
    page.drawText(`Page ${index + 1}`, { x: 50, y: 800, size: 12, font });
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(400, 0, 0, 400, 100, 200),
      drawObject(name),
      popGraphicsState(),
    );
  }
  return document.save();
}

/** A PDF whose trailer declares encryption: what pdf-lib refuses to rewrite. */
export async function makeEncryptedPdf(): Promise<Uint8Array> {
  const plain = Buffer.from(
    await (await PDFDocument.create({ updateMetadata: false })).save({ useObjectStreams: false, addDefaultPage: true }),
  );
  const text = plain
    .toString("latin1")
    .replace("trailer\n<<", "trailer\n<<\n/Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>");
  return new Uint8Array(Buffer.from(text, "latin1"));
}
