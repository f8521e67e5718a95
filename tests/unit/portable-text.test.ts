import { describe, expect, it } from "vitest";
import { portableTextToPlainText } from "~/modules/platform/portable-text.server";

const span = (text: string, marks: string[] = []) => ({ _type: "span", _key: text.slice(0, 8), text, marks });

describe("portable text as an e-mail's text part", () => {
  it("numbers lists, bullets, keeps paragraphs, and writes a link's address after its words", () => {
    const text = portableTextToPlainText([
      {
        _type: "block",
        _key: "a",
        style: "normal",
        listItem: "number",
        level: 1,
        markDefs: [{ _key: "l", _type: "link", href: "https://www.spotify.com/redeem" }],
        children: [span("Ouvrez "), span("spotify.com/redeem", ["l"])],
      },
      {
        _type: "block",
        _key: "b",
        style: "normal",
        listItem: "number",
        level: 1,
        markDefs: [],
        children: [span("Collez le code", ["strong"])],
      },
      { _type: "block", _key: "c", style: "normal", markDefs: [], children: [span("Un souci ? Écrivez-nous.")] },
      {
        _type: "block",
        _key: "d",
        style: "normal",
        listItem: "number",
        level: 1,
        markDefs: [],
        children: [span("Encore")],
      },
      {
        _type: "block",
        _key: "e",
        style: "normal",
        listItem: "bullet",
        level: 1,
        markDefs: [{ _key: "x", _type: "link", href: "javascript:alert(1)" }],
        children: [span("Piège", ["x"])],
      },
    ]);
    expect(text.split("\n")).toEqual([
      "1. Ouvrez spotify.com/redeem (https://www.spotify.com/redeem)",
      "2. Collez le code",
      "Un souci ? Écrivez-nous.",
      "1. Encore",
      "- Piège",
    ]);
    expect(portableTextToPlainText(null)).toBe("");
  });
});
