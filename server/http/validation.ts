import type { FastifySchemaCompiler } from "fastify";
import type { ZodType, z } from "zod";
import en from "zod/v4/locales/en.js";
import zhCN from "zod/v4/locales/zh-CN.js";
import { bilingualSeparator } from "../../contracts/bilingual";
import type { FieldError } from "../../contracts/errors";
import { apiError } from "./errors";

const zhErrors = zhCN().localeError;
const enErrors = en().localeError;

function messageOf(map: typeof zhErrors, issue: z.core.$ZodRawIssue): string {
  const out = map(issue);
  return typeof out === "string" ? out : (out?.message ?? "");
}

/** Every issue of a failed parse, each with its path and a message in both languages. */
export function fieldErrors(schema: ZodType, data: unknown, prefix = ""): FieldError[] | null {
  const zh = schema.safeParse(data, { error: (issue) => messageOf(zhErrors, issue) });
  if (zh.success) return null;
  const english = schema.safeParse(data, { error: (issue) => messageOf(enErrors, issue) });
  const englishIssues = english.success ? [] : english.error.issues;
  return zh.error.issues.map((issue, index) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    const [zhPart, enPart] = issue.message.split(bilingualSeparator);
    const enMessage = enPart ?? englishIssues[index]?.message.split(bilingualSeparator).pop() ?? issue.message;
    return { path, messageZh: zhPart ?? issue.message, messageEn: enMessage };
  });
}

export function badRequest(errors: FieldError[]) {
  const first = errors[0];
  return apiError(
    400,
    "invalid-input",
    `输入有误：${first ? `${first.path || "请求"} — ${first.messageZh}` : "请检查填写内容"}（共 ${errors.length} 处）`,
    `Invalid input: ${first ? `${first.path || "request"} — ${first.messageEn}` : "check the form"} (${errors.length} in all)`,
    errors,
  );
}

/** Fastify validator: zod parse; on failure a 400 listing every field at fault in Chinese and English. */
export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const prefix = httpPart === "body" || !httpPart ? "" : httpPart;
    return { error: badRequest(fieldErrors(schema, data, prefix) ?? []) };
  };
