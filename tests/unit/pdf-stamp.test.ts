import { describe, expect, it } from "vitest";
import { maskEmail, maskPhone, stampPdf, UnstampablePdf, type Stamp } from "~/modules/delivery/pdf-stamp.server";
import { makeEncryptedPdf, makePdf, readPdf } from "../support/pdf";

const stamp: Stamp = {
  name: "Aïcha Koné",
  email: "aicha.kone@example.com",
  phone: "+237 690 00 00 01",
  orderNumber: "ASH-ABC234",
  paidAt: new Date("2026-11-29T10:00:00Z"),
  shopName: "ASHTECH STORE",
};

describe("PDF stamp", () => {
  it("masks the phone and the e-mail, keeping what lets the buyer recognise them", () => {
    expect(maskPhone("+237 690 00 00 01")).toBe("+237 6••••••01");
    expect(maskPhone("0701020304")).toBe("0•••••••04");
    expect(maskEmail("aicha.kone@example.com")).toBe("a•••@example.com");
  });

  it("puts the buyer, the order and the date on every page and the order in the metadata, read back by pdf.js", async () => {
    const stamped = await stampPdf(await makePdf(3), stamp);
    const { pages, subject, keywords } = await readPdf(stamped);
    expect(pages).toHaveLength(3);
    for (const [index, text] of pages.entries()) {
      expect(text).toContain(`Page ${index + 1}`);
      expect(text).toContain(
        "Exemplaire de Aïcha Koné · +237 6••••••01 · a•••@example.com · commande ASH-ABC234 du 29/11/2026",
      );
      expect(text).not.toContain("aicha.kone@");
      expect(text).not.toContain("690 00 00 01");
    }
    expect(subject).toBe("Commande ASH-ABC234 — Aïcha Koné");
    expect(keywords).toContain("commande:ASH-ABC234");
  });

  it("keeps the original bytes and appends the stamp, the same bytes on every run", async () => {
    const original = await makePdf(2);
    const [first, second] = [await stampPdf(original, stamp), await stampPdf(original, stamp)];
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(Buffer.from(first.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const other = await stampPdf(original, { ...stamp, orderNumber: "ASH-XYZ789" });
    expect(Buffer.from(other).equals(Buffer.from(first))).toBe(false);
  });

  it("refuses an encrypted or broken PDF with UnstampablePdf, so the caller serves it as it is", async () => {
    await expect(stampPdf(await makeEncryptedPdf(), stamp)).rejects.toBeInstanceOf(UnstampablePdf);
    await expect(stampPdf(new TextEncoder().encode("%PDF-1.7\nnot really a pdf"), stamp)).rejects.toBeInstanceOf(
      UnstampablePdf,
    );
  });
});
