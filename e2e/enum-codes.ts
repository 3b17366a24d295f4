import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { auditResourceNames } from "../contracts/audit-actions";

/**
 * Every enum code the product defines, collected from the modules themselves so a new enum is covered without
 * editing this file: the values of each zod enum and string literal reachable from what contracts/*.ts exports, the
 * `as const` string lists, and the `code` of each entry of the reference tables in policy/reference/*.ts.
 * Only codes with a letter count (division numbers such as 420100 are shown by design).
 */
const root = join(import.meta.dirname, "..");
const sources = [join(root, "contracts"), join(root, "policy", "reference")];

const codeShape = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;

type ZodLike = { _zod: { def: Record<string, unknown> } };
const isZod = (value: unknown): value is ZodLike =>
  typeof value === "object" && value !== null && "_zod" in value && typeof (value as ZodLike)._zod?.def === "object";

function collect(value: unknown, into: Set<string>, seen: Set<unknown>, depth = 0): void {
  if (value === null || typeof value !== "object" || seen.has(value) || depth > 40) return;
  seen.add(value);
  if (isZod(value)) {
    const def = value._zod.def;
    if (def.type === "enum") for (const entry of Object.values(def.entries as object)) add(entry, into);
    if (def.type === "literal") for (const entry of def.values as unknown[]) add(entry, into);
    if (def.type === "lazy")
      collect((value._zod as unknown as { innerType?: unknown }).innerType, into, seen, depth + 1);
    for (const [key, inner] of Object.entries(def)) {
      if (key === "checks" || typeof inner === "function") continue;
      collect(inner, into, seen, depth + 1);
    }
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === "string") add(item, into);
      else if (typeof item === "object" && item !== null && "code" in item) add((item as { code: unknown }).code, into);
      else collect(item, into, seen, depth + 1);
    }
    return;
  }
  // A zod object's shape, or a record of schemas.
  for (const inner of Object.values(value)) collect(inner, into, seen, depth + 1);
}

function add(value: unknown, into: Set<string>) {
  if (typeof value === "string" && codeShape.test(value) && /[a-z]/.test(value)) into.add(value);
}

export async function enumCodes(): Promise<Set<string>> {
  const codes = new Set<string>();
  const seen = new Set<unknown>();
  for (const directory of sources) {
    const files = readdirSync(directory).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));
    for (const file of files) {
      const module = (await import(pathToFileURL(join(directory, file)).href)) as Record<string, unknown>;
      for (const exported of Object.values(module)) collect(exported, codes, seen);
    }
  }
  return codes;
}

/**
 * What a field path or action code starts with: every resource the audit names, the eligibility input's sections and
 * the request parts. A dotted word with another start (a username such as zhilian.admin) is not a path.
 */
export function pathRoots(codes: ReadonlySet<string>): Set<string> {
  const roots = new Set([
    ...Object.keys(auditResourceNames),
    ...["unit", "application", "director", "registry", "referenceDate", "form", "body", "querystring", "params"],
  ]);
  for (const code of codes) if (code.includes(".")) roots.add(code.split(".")[0]!);
  return roots;
}
