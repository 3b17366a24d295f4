import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

/**
 * Every stored audit MAC, verification code and candidate digest is taken over this text: if this test fails, the
 * edit changes digests already stored and needs a versioned digest, not a new expected string.
 */
describe("canonicalJson", () => {
  it("writes a fixed input exactly so (the text stored digests are taken over)", () => {
    const input = {
      名称: "湖北省国际科技合作基地（联合研究）",
      b: [3, undefined, null, "光电子信息", { z: 1, a: -0 }, () => 1],
      a: { y: 0.1, x: 1e21, 中: true, Z: false, zero: 0 },
      at: new Date("2026-03-02T01:00:00.000Z"),
      skipped: undefined,
      "": "",
      nested: { deeper: { k2: [], k1: {}, quote: 'a"b\\c\n' } },
      inf: Number.POSITIVE_INFINITY,
      // U+20000 is a surrogate pair (D840 DC00): UTF-16 order puts it before U+FF01, code point order after.
      "！": "全角",
      𠀀: "扩展B",
    };
    expect(canonicalJson(input)).toBe(
      '{"":"","a":{"Z":false,"x":1e+21,"y":0.1,"zero":0,"中":true},"at":"2026-03-02T01:00:00.000Z",' +
        '"b":[3,null,null,"光电子信息",{"a":0,"z":1},null],"inf":null,' +
        '"nested":{"deeper":{"k1":{},"k2":[],"quote":"a\\"b\\\\c\\n"}},' +
        '"名称":"湖北省国际科技合作基地（联合研究）","𠀀":"扩展B","！":"全角"}',
    );
  });

  it.each([
    ["undefined", undefined, "null"],
    ["null", null, "null"],
    ["a function", () => 1, "null"],
    ["a Date", new Date("2026-12-31T16:00:00.000Z"), '"2026-12-31T16:00:00.000Z"'],
    ["an invalid Date", new Date(Number.NaN), "null"],
    ["NaN", Number.NaN, "null"],
    ["-Infinity", Number.NEGATIVE_INFINITY, "null"],
    ["-0", -0, "0"],
    ["0.1", 0.1, "0.1"],
    ["1e21", 1e21, "1e+21"],
    ["a string with a line separator", "甲\u2028乙", '"甲\u2028乙"'],
    ["true", true, "true"],
    ["an empty array", [], "[]"],
    ["an empty object", {}, "{}"],
  ])("writes %s at the top level as JSON.stringify would", (_label, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it("never depends on the order the keys were written in", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        expect(canonicalJson(reordered(value, seed))).toBe(canonicalJson(value));
      }),
    );
  });

  it("reads back as JSON.stringify's output does, for JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it("reads back as JSON.stringify's output does with undefined, non-finite numbers and Dates too", () => {
    fc.assert(
      fc.property(fc.anything({ withDate: true }), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value) ?? "null"));
      }),
    );
  });
});

/** A deep copy whose objects have their keys inserted in an order picked by `seed`. */
function reordered(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((item) => reordered(item, seed));
  if (value === null || typeof value !== "object") return value;
  const rank = (key: string) => [...key].reduce((h, ch) => Math.imul(h ^ ch.codePointAt(0)!, 16777619), seed);
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  // fromEntries defines own properties, so a "__proto__" key stays a key.
  return Object.fromEntries(keys.map((key) => [key, reordered((value as Record<string, unknown>)[key], seed)]));
}
