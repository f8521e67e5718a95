import { describe, expect, it } from "vitest";
import { parseLengoCallback } from "../../app/modules/payments/lengo/callback.server";
import { mapLengoStatus, rawStatusText } from "../../app/modules/payments/lengo/status";
import { mapLygosStatus } from "../../app/modules/payments/lygos/status";

describe("Lygos status mapping (case-insensitive)", () => {
  it.each([
    ["success", "paid"],
    ["SUCCESS", "paid"],
    ["Successful", "paid"],
    ["SUCCESSFUL", "paid"],
    ["paid", "paid"],
    ["Completed", "paid"],
    [" success ", "paid"],
    ["failed", "failed"],
    ["FAILED", "failed"],
    ["cancelled", "failed"],
    ["Canceled", "failed"],
    ["rejected", "failed"],
    ["EXPIRED", "failed"],
    ["pending", "pending"],
    ["created", "pending"],
    ["PROCESSING", "pending"],
    ["", "pending"],
    ["succeeded-ish", "pending"],
    [1, "pending"],
    [null, "pending"],
    [undefined, "pending"],
  ])("%j → %s", (raw, state) => {
    expect(mapLygosStatus(raw)).toBe(state);
  });
});

describe("Lengo status mapping", () => {
  it.each([
    ["SUCCESS", "paid"],
    ["success", "paid"],
    ["FAILED", "failed"],
    ["CANCELLED", "failed"],
    ["CANCELED", "failed"],
    ["EXPIRED", "failed"],
    ["INITIATED", "pending"],
    ["PENDING", "pending"],
    ["Success ", "paid"],
    ["SUCCESSFUL", "pending"],
    ["UNKNOWN", "pending"],
    [0, "pending"],
    [1, "pending"],
    [200, "pending"],
    [null, "pending"],
  ])("%j → %s", (raw, state) => {
    expect(mapLengoStatus(raw)).toBe(state);
  });
});

describe("raw status as recorded", () => {
  it.each([
    ["SUCCESS", "SUCCESS"],
    [3, "3"],
    [null, ""],
    [undefined, ""],
    [{ a: 1 }, '{"a":1}'],
  ])("%j → %j", (raw, text) => {
    expect(rawStatusText(raw)).toBe(text);
  });
});

describe("Lengo callback parser", () => {
  const base = {
    pay_id: "WTVWaTBOUXVlNTB1NXNzbUhldGF0eENSV3VkeTJuV3E=",
    status: "SUCCESS",
    amount: 1500,
    message: "Transaction Successful",
  };

  it("reads the documented body with Client", () => {
    const r = parseLengoCallback({ ...base, Client: "624897845" });
    expect(r).toEqual({
      ok: true,
      callback: {
        reference: base.pay_id,
        rawStatus: "SUCCESS",
        claimedState: "paid",
        amount: 1500,
        message: "Transaction Successful",
        payer: "624897845",
      },
    });
  });

  it.each([
    [{ ...base, client: "624897845" }, 1500, "624897845"],
    [{ ...base, Client: 624897845 }, 1500, "624897845"],
    [{ ...base, amount: "1500" }, 1500, undefined],
    [{ ...base, amount: " 1500.00 " }, 1500, undefined],
    [{ ...base, amount: 0 }, 0, undefined],
  ])("accepts %j", (body, amount, payer) => {
    const r = parseLengoCallback(body);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.callback.amount).toBe(amount);
      expect(r.callback.payer).toBe(payer);
    }
  });

  it("keeps a numeric status as text and pending", () => {
    const r = parseLengoCallback({ ...base, status: 1 });
    expect(r.ok && r.callback).toMatchObject({ rawStatus: "1", claimedState: "pending" });
  });

  it.each([
    [null],
    ["pay_id=1"],
    [{ ...base, pay_id: "" }],
    [{ ...base, pay_id: undefined }],
    [{ ...base, status: undefined }],
    [{ ...base, amount: undefined }],
    [{ ...base, amount: 1500.5 }],
    [{ ...base, amount: "1500.50" }],
    [{ ...base, amount: "-1500" }],
    [{ ...base, amount: "abc" }],
    [{ ...base, amount: -1 }],
  ])("refuses %j", (body) => {
    const r = parseLengoCallback(body);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/\S/);
  });
});
