import { describe, expect, it } from "vitest";
import { jsonSyntaxError, parseJsonText } from "./json-text";

describe("parseJsonText (the CLI's reader, issue 10)", () => {
  // The probe: a UTF-8 BOM gave `Unexpected token '﻿'`.
  it("skips a UTF-8 byte-order mark", () => {
    expect(parseJsonText('\ufeff{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it.each([
    ['{\n  "a": 1,\n  "b": }', 3, 8, "expected a value", "应为一个值"],
    ["{ not json", 1, 3, "expected a field name in double quotes", "用双引号括起的字段名"],
    ['{"a": 1,}', 1, 9, "expected a field name in double quotes", "字段名"],
    ["[1, 2\n", 2, 1, 'expected a comma "," or "]", found the end of the input', "文件结尾"],
    ['{"a": "line\nbreak"}', 1, 12, "expected a string character (a line break", "换行"],
    ['{"a": 01}', 1, 8, 'expected a comma "," or "}"', "逗号"],
    ['{"a": tru}', 1, 10, 'expected "true"', "true"],
    ['{"a": 1} x', 1, 10, "expected the end of the input", "文件结尾"],
    ["", 1, 1, "expected a value, found the end of the input", "文件结尾"],
  ])("%j → line %d, column %d", (text, line, column, english, chinese) => {
    const result = parseJsonText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect({ line: result.line, column: result.column }).toEqual({ line, column });
    expect(result.messageEn).toContain(`line ${line}, column ${column}: ${english}`);
    expect(result.messageZh).toContain(`第 ${line} 行第 ${column} 列`);
    expect(result.messageZh).toContain(chinese);
  });

  it.each(['{"a": [1, -2.5e+3, 0, true, false, null, "x\\u00e9\\n"], "b": {}}', "  [ ]  ", '"text"', "-0.0E-1"])(
    "accepts what JSON.parse accepts: %s",
    (text) => {
      expect(jsonSyntaxError(text)).toBeNull();
      expect(parseJsonText(text)).toEqual({ ok: true, value: JSON.parse(text) });
    },
  );
});
