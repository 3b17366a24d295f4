import { z } from "zod";

/** What is wrong with a field, as a stable code (the message says it in Chinese and English). */
export type InputErrorCode =
  | "missing"
  | "wrong-type"
  | "not-finite"
  | "not-integer"
  | "negative"
  | "too-small"
  | "too-big"
  | "empty"
  | "invalid-value"
  | "invalid-format"
  | "unknown-key"
  | "control-character"
  | "contradiction"
  | "invalid";

export interface InputError {
  /** Dotted path of the field ("unit.registeredDivision", "application.partners.0.agreement.end"). */
  path: string;
  code: InputErrorCode;
  messageZh: string;
  messageEn: string;
}

interface Described {
  code: InputErrorCode;
  zh: string;
  en: string;
}

const typeNames: Record<string, { zh: string; en: string }> = {
  string: { zh: "文本", en: "a string" },
  number: { zh: "数字", en: "a number" },
  int: { zh: "整数", en: "an integer" },
  boolean: { zh: "布尔值（true 或 false）", en: "a boolean (true or false)" },
  array: { zh: "数组（列表）", en: "an array (list)" },
  object: { zh: "对象", en: "an object" },
};

const typeName = (expected: string) => typeNames[expected] ?? { zh: expected, en: expected };

/** A value quoted for a message, cut short when long. */
function quote(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown);
}

/** What came, in words: `文本 "abc"` / `the string "abc"`. */
export function describeValue(value: unknown): { zh: string; en: string } {
  if (value === null) return { zh: "null", en: "null" };
  if (typeof value === "string") return { zh: `文本 ${quote(value)}`, en: `the string ${quote(value)}` };
  if (typeof value === "number")
    return Number.isFinite(value)
      ? { zh: `数字 ${value}`, en: `the number ${value}` }
      : { zh: "超出范围的数字（无穷大）", en: "a number out of range (infinite)" };
  if (typeof value === "boolean") return { zh: `布尔值 ${value}`, en: `the boolean ${value}` };
  if (Array.isArray(value)) return { zh: `含 ${value.length} 项的数组`, en: `an array of ${value.length} items` };
  if (typeof value === "object") return { zh: "对象", en: "an object" };
  return { zh: typeof value, en: typeof value };
}

const notFinite: Described = {
  code: "not-finite",
  zh: "不是有限数值（数字超出范围）",
  en: "is not a finite number (out of range)",
};

function describeType(expected: readonly string[], input: unknown): Described {
  if (input === undefined) return { code: "missing", zh: "缺少必填项", en: "required field is missing" };
  if (
    typeof input === "number" &&
    !Number.isFinite(input) &&
    expected.some((type) => type === "number" || type === "int")
  )
    return notFinite;
  const names = expected.map(typeName);
  const got = describeValue(input);
  const code = expected.includes("int") && typeof input === "number" ? "not-integer" : "wrong-type";
  return {
    code,
    zh: `应为${names.map((name) => name.zh).join("或")}，实际为${got.zh}`,
    en: `expected ${names.map((name) => name.en).join(" or ")}, got ${got.en}`,
  };
}

function describeTooSmall(issue: z.core.$ZodIssueTooSmall): Described {
  const minimum = Number(issue.minimum);
  const got = typeof issue.input === "number" ? { zh: `，实际为 ${issue.input}`, en: `, got ${issue.input}` } : null;
  switch (issue.origin) {
    case "number":
    case "int":
      if (minimum === 0 && issue.inclusive)
        return { code: "negative", zh: `不能为负数${got?.zh ?? ""}`, en: `must not be negative${got?.en ?? ""}` };
      return {
        code: "too-small",
        zh: `${issue.inclusive ? "不能小于" : "须大于"} ${minimum}${got?.zh ?? ""}`,
        en: `must be ${issue.inclusive ? "at least" : "greater than"} ${minimum}${got?.en ?? ""}`,
      };
    case "string":
      return minimum <= 1
        ? {
            code: "empty",
            zh: "不能为空（已去除首尾空白和不可见字符）",
            en: "must not be empty (white space and invisible characters are removed)",
          }
        : { code: "too-small", zh: `至少 ${minimum} 个字符`, en: `must have at least ${minimum} characters` };
    case "array":
      return { code: "too-small", zh: `至少需要 ${minimum} 项`, en: `needs at least ${minimum} items` };
    default:
      return { code: "too-small", zh: "过小", en: "is too small" };
  }
}

function describeTooBig(issue: z.core.$ZodIssueTooBig): Described {
  const maximum = Number(issue.maximum);
  const got = typeof issue.input === "number" ? { zh: `，实际为 ${issue.input}`, en: `, got ${issue.input}` } : null;
  switch (issue.origin) {
    case "number":
    case "int":
      return {
        code: "too-big",
        zh: `${issue.inclusive ? "不能大于" : "须小于"} ${maximum}${got?.zh ?? ""}`,
        en: `must be ${issue.inclusive ? "at most" : "less than"} ${maximum}${got?.en ?? ""}`,
      };
    case "string":
      return { code: "too-big", zh: `不能超过 ${maximum} 个字符`, en: `must have at most ${maximum} characters` };
    case "array":
      return { code: "too-big", zh: `最多 ${maximum} 项`, en: `allows at most ${maximum} items` };
    default:
      return { code: "too-big", zh: "过大", en: "is too large" };
  }
}

/** The bilingual description of one zod issue (unknown keys are described per key, elsewhere). */
function describeIssue(issue: z.core.$ZodIssue): Described {
  switch (issue.code) {
    case "invalid_type":
      return describeType([issue.expected], issue.input);
    case "invalid_union": {
      if (issue.input === undefined) return describeType([], undefined);
      // A union of simple types (true/false or a file reference): name each alternative.
      const expected = issue.errors.flatMap((errors) =>
        errors.flatMap((inner) => (inner.code === "invalid_type" ? [inner.expected] : [])),
      );
      return expected.length > 0
        ? describeType([...new Set(expected)], issue.input)
        : { code: "invalid", zh: "取值无效", en: "is not valid" };
    }
    case "invalid_value": {
      if (issue.input === undefined) return describeType([], undefined);
      const got = describeValue(issue.input);
      return {
        code: "invalid-value",
        zh: `取值无效（实际为${got.zh}），可选：${issue.values.map(String).join("、")}`,
        en: `must be one of: ${issue.values.map(String).join(", ")} (got ${got.en})`,
      };
    }
    case "too_small":
      return describeTooSmall(issue);
    case "too_big":
      return describeTooBig(issue);
    case "invalid_format":
      return { code: "invalid-format", zh: "格式无效", en: `invalid format (${issue.format})` };
    case "custom": {
      const params = issue.params as { code?: InputErrorCode; zh?: string; en?: string } | undefined;
      if (params?.zh && params.en) return { code: params.code ?? "invalid", zh: params.zh, en: params.en };
      return { code: "invalid", zh: `取值无效：${issue.message}`, en: issue.message };
    }
    default:
      return { code: "invalid", zh: `取值无效：${issue.message}`, en: issue.message };
  }
}

/** The schema under optional, nullable, default and pipe wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return unwrap(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodPipe) return unwrap(schema.in as z.ZodType);
  return schema;
}

/**
 * Deletes, in place, every key of `value` that the schema's objects do not know, and returns their dotted paths.
 * For a caller that builds the input from a wider record (the application form) and must not pass UI-only keys on.
 */
export function dropUnknownKeys(value: unknown, schema: z.ZodType, path: readonly (string | number)[] = []): string[] {
  const target = unwrap(schema);
  if (target instanceof z.ZodArray && Array.isArray(value))
    return value.flatMap((item, index) => dropUnknownKeys(item, target.element as z.ZodType, [...path, index]));
  if (!(target instanceof z.ZodObject) || value === null || typeof value !== "object" || Array.isArray(value))
    return [];
  const shape = target.shape as Record<string, z.ZodType>;
  const record = value as Record<string, unknown>;
  return Object.keys(record).flatMap((key) => {
    const inner = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (inner) return dropUnknownKeys(record[key], inner, [...path, key]);
    delete record[key];
    return [[...path, key].join(".")];
  });
}

/** The keys an object schema accepts at a path of the input (array indexes step into the element schema). */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: z.ZodType | undefined = schema;
  for (const key of path) {
    if (node === undefined) return [];
    const current = unwrap(node);
    if (current instanceof z.ZodArray && typeof key === "number") node = current.element as z.ZodType;
    else if (current instanceof z.ZodObject && typeof key === "string" && Object.hasOwn(current.shape, key))
      node = (current.shape as Record<string, z.ZodType>)[key];
    else return [];
  }
  const target = node === undefined ? undefined : unwrap(node);
  return target instanceof z.ZodObject ? Object.keys(target.shape) : [];
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  // rows[i][j]: distance between the first i characters of a and the first j of b; row and column 0 are i + j.
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i + j));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The known key an unknown one most likely meant (`isOfshore` → `isOffshore`), if one is close enough. */
export function closestKey(unknown: string, known: readonly string[]): string | undefined {
  const folded = unknown.toLowerCase();
  const allowed = folded.length <= 4 ? 1 : folded.length <= 8 ? 2 : 3;
  let best: { key: string; distance: number } | undefined;
  for (const key of known) {
    const distance = editDistance(folded, key.toLowerCase());
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

function unknownKey(key: string, known: readonly string[]): Described {
  const suggestion = closestKey(key, known);
  return {
    code: "unknown-key",
    zh: `未知字段 ${JSON.stringify(key)}${suggestion ? `，是否应为 ${JSON.stringify(suggestion)}？` : "，请删除或改正"}`,
    en: `unknown field ${JSON.stringify(key)}${suggestion ? ` — did you mean ${JSON.stringify(suggestion)}?` : "; remove or correct it"}`,
  };
}

/**
 * The one place zod issues become field errors: each with its dotted path and a message in Chinese and English that
 * says what was expected and what came. Needs the issues of a parse with `reportInput: true`.
 */
export function inputErrorsOf(issues: readonly z.core.$ZodIssue[], schema: z.ZodType): InputError[] {
  const errors: InputError[] = [];
  const push = (path: readonly PropertyKey[], described: Described) => {
    const dotted = path.map(String).join(".") || "(root)";
    errors.push({
      path: dotted,
      code: described.code,
      messageZh: `${dotted}：${described.zh}`,
      messageEn: `${dotted}: ${described.en}`,
    });
  };
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const known = knownKeysAt(schema, issue.path);
      for (const key of issue.keys) push([...issue.path, key], unknownKey(key, known));
    } else push(issue.path, describeIssue(issue));
  }
  return errors;
}
