import type { FormInstance } from "antd";
import type { Language } from "../i18n/define";
import { isApiError } from "./errors";

type NamePath = Array<string | number>;

function namePathOf(path: string): NamePath {
  return path
    .split(".")
    .filter(Boolean)
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

const sameName = (a: NamePath, b: NamePath) => a.length === b.length && a.every((segment, i) => segment === b[i]);

/**
 * Puts the server's field errors (`errors: [{path, messageZh, messageEn}]`) on the matching antd Form fields.
 * Returns true when at least one field was marked, so the caller can skip a duplicate toast.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, language: Language): boolean {
  if (!isApiError(error) || error.fieldErrors.length === 0) return false;
  const registered = form.getFieldsError().map((entry) => entry.name as NamePath);
  const fields = error.fieldErrors.flatMap((fieldError) => {
    const name = namePathOf(fieldError.path);
    // Match the exact field, or its nearest registered ancestor (roles.0 → roles).
    const target = registered.find((candidate) => sameName(candidate, name)) ?? nearestAncestor(registered, name);
    if (!target) return [];
    return [{ name: target, errors: [language === "zh" ? fieldError.messageZh : fieldError.messageEn] }];
  });
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}

function nearestAncestor(registered: NamePath[], name: NamePath): NamePath | undefined {
  for (let length = name.length - 1; length > 0; length--) {
    const prefix = name.slice(0, length);
    const match = registered.find((candidate) => sameName(candidate, prefix));
    if (match) return match;
  }
  return undefined;
}
