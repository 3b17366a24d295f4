/**
 * Reading an eligibility input from JSON text (the CLI's file): a UTF-8 byte-order mark is skipped, and a syntax
 * error is reported in Chinese and English with its line and column, whatever the JavaScript engine's own message
 * says (Node 20's often gives neither).
 */

export type JsonTextResult =
  | { ok: true; value: unknown }
  | { ok: false; line: number; column: number; messageZh: string; messageEn: string };

interface Expected {
  zh: string;
  en: string;
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly expected: Expected,
  ) {
    super(expected.en);
  }
}

const expectValue: Expected = { zh: "一个值（对象、数组、字符串、数字、true、false 或 null）", en: "a value" };

/** The offset of the first syntax error in `text` and what was expected there (JSON, RFC 8259). */
export function jsonSyntaxError(text: string): { offset: number; expected: Expected } | null {
  let at = 0;
  const fail = (expected: Expected): never => {
    throw new JsonSyntaxError(at, expected);
  };
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at += 1;
  };
  const literal = (word: string) => {
    for (const character of word) {
      if (text[at] !== character) fail({ zh: `“${word}”`, en: `"${word}"` });
      at += 1;
    }
  };
  const digits = (expected: Expected) => {
    if (!/[0-9]/.test(text[at] ?? "")) fail(expected);
    while (/[0-9]/.test(text[at] ?? "")) at += 1;
  };
  const number = () => {
    if (text[at] === "-") at += 1;
    if (text[at] === "0") at += 1;
    else digits({ zh: "数字", en: "a digit" });
    if (text[at] === ".") {
      at += 1;
      digits({ zh: "小数点后的数字", en: "a digit after the decimal point" });
    }
    if (text[at] === "e" || text[at] === "E") {
      at += 1;
      if (text[at] === "+" || text[at] === "-") at += 1;
      digits({ zh: "指数的数字", en: "a digit of the exponent" });
    }
  };
  const string = () => {
    at += 1; // the opening quote
    for (;;) {
      if (at >= text.length) fail({ zh: "字符串的结束引号", en: "the string's closing quote" });
      const code = text.charCodeAt(at);
      if (code === 0x22) {
        at += 1;
        return;
      }
      if (code < 0x20)
        fail({
          zh: "字符串内的字符（换行和控制字符须转义，如 \\n）",
          en: "a string character (a line break or control character must be escaped, e.g. \\n)",
        });
      if (code === 0x5c) {
        at += 1;
        const escaped = text[at];
        if (escaped === "u") {
          for (let index = 1; index <= 4; index += 1)
            if (!/[0-9a-fA-F]/.test(text[at + index] ?? "")) {
              at += index;
              fail({ zh: "\\u 后的 4 位十六进制数", en: "4 hex digits after \\u" });
            }
          at += 5;
        } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) at += 1;
        else fail({ zh: '有效的转义（\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX）', en: "a valid escape" });
      } else at += 1;
    }
  };
  const value = () => {
    space();
    const character = text[at];
    if (character === "{") object();
    else if (character === "[") array();
    else if (character === '"') string();
    else if (character === "-" || /[0-9]/.test(character ?? "")) number();
    else if (character === "t") literal("true");
    else if (character === "f") literal("false");
    else if (character === "n") literal("null");
    else fail(expectValue);
  };
  const object = () => {
    at += 1;
    space();
    if (text[at] === "}") {
      at += 1;
      return;
    }
    for (;;) {
      space();
      if (text[at] !== '"') fail({ zh: "用双引号括起的字段名", en: "a field name in double quotes" });
      string();
      space();
      if (text[at] !== ":") fail({ zh: "冒号 “:”", en: 'a colon ":"' });
      at += 1;
      value();
      space();
      if (text[at] === "}") {
        at += 1;
        return;
      }
      if (text[at] !== ",") fail({ zh: "逗号 “,” 或 “}”", en: 'a comma "," or "}"' });
      at += 1;
    }
  };
  const array = () => {
    at += 1;
    space();
    if (text[at] === "]") {
      at += 1;
      return;
    }
    for (;;) {
      value();
      space();
      if (text[at] === "]") {
        at += 1;
        return;
      }
      if (text[at] !== ",") fail({ zh: "逗号 “,” 或 “]”", en: 'a comma "," or "]"' });
      at += 1;
    }
  };
  try {
    value();
    space();
    if (at < text.length)
      fail({ zh: "文件结尾（值之后多出内容）", en: "the end of the input (extra text after the value)" });
    return null;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { offset: error.offset, expected: error.expected };
    return null; // nesting deeper than the stack: the caller reports the engine's message without a position
  }
}

/** Line and column (1-based) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

/** Parses JSON text after skipping a UTF-8 byte-order mark; a syntax error names its line and column. */
export function parseJsonText(text: string): JsonTextResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const engine = (error as Error).message;
    const found = jsonSyntaxError(body);
    if (!found)
      return {
        ok: false,
        line: 0,
        column: 0,
        messageZh: `不是有效的 JSON（${engine}）`,
        messageEn: `is not valid JSON (${engine})`,
      };
    const { line, column } = lineAndColumn(body, found.offset);
    const character = String.fromCodePoint(body.codePointAt(found.offset) ?? 0);
    const got =
      found.offset >= body.length
        ? { zh: "文件结尾", en: "the end of the input" }
        : { zh: `“${character}”`, en: JSON.stringify(character) };
    return {
      ok: false,
      line,
      column,
      messageZh: `不是有效的 JSON：第 ${line} 行第 ${column} 列应为${found.expected.zh}，实际为${got.zh}`,
      messageEn: `is not valid JSON: line ${line}, column ${column}: expected ${found.expected.en}, found ${got.en}`,
    };
  }
}
