import { describe, expect, it } from "vitest";
import { parseQuerystring } from "./input-edge";

const malformed = (parsed: object) =>
  Object.getOwnPropertySymbols(parsed).flatMap((symbol) => (parsed as Record<symbol, string[]>)[symbol] ?? []);

describe("parseQuerystring", () => {
  it("parses as the router's default does: + is a space, repeated keys an array, a bare key an empty string", () => {
    const parsed = parseQuerystring("q=%E4%B8%AD+%F0%9F%98%80&page=2&tag=a&tag=b&tag=c&flag&&empty=");
    expect({ ...parsed }).toEqual({ q: "中 😀", page: "2", tag: ["a", "b", "c"], flag: "", empty: "" });
    expect(malformed(parsed)).toEqual([]);
    expect({ ...parseQuerystring("") }).toEqual({});
  });

  it("keeps a prototype key as a plain key", () => {
    const parsed = parseQuerystring("__proto__=x&constructor=y");
    expect(Object.getOwnPropertyDescriptor(parsed, "__proto__")?.value).toBe("x");
    expect(Object.getPrototypeOf(parsed)).toBeNull();
  });

  it("decodes NUL as it is (the edge refuses it) and remembers escapes that do not decode", () => {
    const parsed = parseQuerystring("q=%00&cesu=%ED%A0%80&bad=%ZZ&%E0=1");
    expect(parsed.q).toBe("\u0000");
    expect(parsed.cesu).toBe("%ED%A0%80");
    expect(malformed(parsed)).toEqual(["cesu", "bad", "%E0"]);
    // Not enumerable: validation and handlers never see the marker.
    expect(Object.keys(parsed)).toEqual(["q", "cesu", "bad", "%E0"]);
  });
});
